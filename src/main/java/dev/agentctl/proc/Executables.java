package dev.agentctl.proc;

import dev.agentctl.base.AgentctlException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds programs the way a shell would, but on the caller's PATH, not the tmux server's. */
public final class Executables {
    private Executables() {}

    /** An absolute path to an executable file, or null. */
    public static Path find(String name, String pathEnv, Path cwd) {
        if (name == null || name.isEmpty()) return null;
        if (name.contains("/")) {
            Path p = cwd.resolve(name).toAbsolutePath().normalize();
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        if (pathEnv == null) return null;
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }

    /** Where install.sh puts an agent it installed with agentctl (codex): PREFIX/share/agentctl/bin/NAME. */
    static final String INSTALLED_DIR = "share/agentctl/bin";
    /** Set by bin/agentctl to its own path: PREFIX/bin/agentctl. */
    static final String LAUNCHER_ENV = "AGENTCTL_LAUNCHER";

    /**
     * The agent binary runs will use; refused before anything is created when it cannot run.
     *
     * @param key the config.json key naming it (codex_bin, claude_bin)
     * @param env the caller's environment: a bare name not on PATH may be the one install.sh put next to agentctl
     */
    public static Path agent(String key, String bin, String installHint, String pathEnv, Path cwd, Map<String, String> env) {
        Path found = locateAgent(bin, pathEnv, cwd, env);
        if (found != null) return found;
        if (bin.contains("/")) {
            throw AgentctlException.usage(key + " " + bin + " is not an executable file (config.json " + key + ")");
        }
        throw AgentctlException.usage(key + " '" + bin + "' is not on PATH; install it with '" + installHint
                + "' (or ./install.sh, which installs codex with agentctl) or set " + key + " in config.json");
    }

    /** bin on PATH; a bare name not there, the one install.sh installed next to agentctl. Or null. */
    public static Path locateAgent(String bin, String pathEnv, Path cwd, Map<String, String> env) {
        Path found = find(bin, pathEnv, cwd);
        if (found == null && bin != null && !bin.isEmpty() && !bin.contains("/")) found = installed(bin, env);
        return found;
    }

    /** The program install.sh installed next to agentctl, found from the launcher's path, or null. */
    static Path installed(String name, Map<String, String> env) {
        String launcher = env.get(LAUNCHER_ENV);
        if (launcher == null || launcher.isBlank()) return null;
        Path binDir = Path.of(launcher).toAbsolutePath().getParent();
        if (binDir == null || binDir.getParent() == null) return null;
        Path p = binDir.getParent().resolve(INSTALLED_DIR).resolve(name);
        return Files.isExecutable(p) && !Files.isDirectory(p) ? p : null;
    }
}
