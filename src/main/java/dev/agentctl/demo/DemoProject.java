package dev.agentctl.demo;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small git project with one commit. The demo's parallel runs each get their own worktree and branch from
 * agentctl (isolation worktree), so each run's diff stat is its own and the table is the same every time.
 */
public final class DemoProject {
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(30);

    private final Path repo;
    private final Map<String, String> env;

    private DemoProject(Path repo, Map<String, String> env) {
        this.repo = repo;
        this.env = env;
    }

    /** git init + README + hello.py + one commit, in dir/"greeter". */
    public static DemoProject create(Path dir, Map<String, String> env) {
        DemoProject p = new DemoProject(dir.resolve("greeter"), env);
        try {
            Files.createDirectories(p.repo);
            Files.writeString(p.repo.resolve("README.md"), "# greeter\n\nA tiny project for the agentctl demo.\n",
                    StandardCharsets.UTF_8);
            Files.writeString(p.repo.resolve("hello.py"), "print(\"hello\")\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write the demo project: " + e.getMessage(), e);
        }
        p.git("init", "-q");
        p.git("add", "-A");
        p.git("commit", "-q", "-m", "Initial commit");
        return p;
    }

    public Path repo() {
        return repo;
    }

    private void git(String... args) {
        // Identity and settings on the command line: the demo must work without any git config of the user's
        // and must not be changed by it (signing, hooks, default branch).
        List<String> argv = new ArrayList<>(List.of("git", "-C", repo.toString(),
                "-c", "user.name=agentctl demo", "-c", "user.email=demo@agentctl.invalid",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.hooksPath=/dev/null"));
        argv.addAll(List.of(args));
        ProcessRunner.Result r = CapturedProcess.run(argv, repo, env, null, GIT_TIMEOUT);
        if (!r.ok()) {
            throw AgentctlException.failed("git " + args[0] + " failed in the demo project: " + r.stderr().strip());
        }
    }
}
