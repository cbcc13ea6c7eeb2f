package dev.agentctl.workspace;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.OutputSchema;
import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** The workspace directory (.ai-orch) and the paths inside it. */
public final class Workspace {
    public static final String HOME_ENV = "AI_ORCH_HOME";

    private final Path home;

    public Workspace(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** --home DIR wins over $AI_ORCH_HOME, which wins over ~/.ai-orch. */
    public static Workspace resolve(String homeOption, Map<String, String> env) {
        if (homeOption != null && !homeOption.isBlank()) {
            return new Workspace(Paths.get(homeOption));
        }
        String fromEnv = env.get(HOME_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Workspace(Paths.get(fromEnv));
        }
        // $HOME, as the shell means ~; the JVM's user.home comes from the password database instead.
        String userHome = env.get("HOME");
        if (userHome == null || userHome.isBlank()) userHome = System.getProperty("user.home");
        return new Workspace(Paths.get(userHome, ".ai-orch"));
    }

    public Path home() { return home; }
    public Path configFile() { return home.resolve("config.json"); }
    public Path projectsFile() { return home.resolve("projects.json"); }
    public Path schemaFile() { return home.resolve("codex_output_schema.json"); }
    public Path notifyLog() { return home.resolve("notify.log"); }
    public Path notifyJsonl() { return home.resolve("notify.jsonl"); }
    public Path runsDir() { return home.resolve("runs"); }
    /** Worktree runs' checkouts: worktrees/<run_id>, never inside the user's own checkout. */
    public Path worktreesDir() { return home.resolve("worktrees"); }
    /** One lock file per git repository, for git operations that race on it (see git.RepoLock). */
    public Path repoLocksDir() { return home.resolve("worktrees").resolve(".locks"); }
    /** Guards config.json and projects.json read-modify-write cycles. */
    public Path sharedLock() { return home.resolve(".lock"); }
    /** Guards appends to notify.log and notify.jsonl so lines never interleave. */
    public Path notifyLock() { return home.resolve(".notify.lock"); }
    /** Lock files that serialize work across processes on something outside the workspace (a tmux pane). */
    public Path locksDir() { return home.resolve("locks"); }

    /**
     * Creates what is missing, silently; never touches what exists. Cheap when all is in place: one
     * stat of runs/ and one of the schema.
     */
    public Workspace ensure() {
        try {
            if (!Files.isDirectory(runsDir())) {
                Files.createDirectories(home);
                // 0700 whatever the umask: run directories hold prompts and, briefly, the caller's environment.
                Files.createDirectories(runsDir(), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_DIR));
                Files.setPosixFilePermissions(runsDir(), AtomicFiles.OWNER_ONLY_DIR);
            }
            if (!Files.exists(schemaFile())) {
                AtomicFiles.write(schemaFile(), (OutputSchema.TEXT + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create workspace " + home + ": " + e.getMessage(), e);
        }
        return this;
    }
}
