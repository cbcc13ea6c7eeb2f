package dev.agentctl.testing;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers for tests of worktree runs: their worktree, git in any directory, waiting for a run to be running. */
public final class WorktreeRuns {
    private final TestEnv env;

    public WorktreeRuns(TestEnv env) {
        this.env = env;
    }

    public static Path worktree(JsonObject meta) {
        return Path.of(meta.get("worktree").getAsString());
    }

    public ProcResult gitIn(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "protocol.file.allow=always"));
        argv.addAll(List.of(args));
        return Procs.run(argv, dir, env.env(), null, Duration.ofSeconds(30));
    }

    /** git's stdout, trimmed; fails the test when git fails. */
    public String git(Path dir, String... args) {
        ProcResult r = gitIn(dir, args);
        if (r.exit() != 0) throw new AssertionError("git " + String.join(" ", args) + ": " + r);
        return r.out().strip();
    }

    /** Waits until codex runs (its pid is in meta) and returns meta then. */
    public JsonObject awaitCodex(String id) throws IOException {
        try {
            Procs.await("codex of " + id + " running", Duration.ofSeconds(60), () -> {
                try {
                    JsonObject m = env.meta(id);
                    return m != null && m.has("codex_pid") && !m.get("codex_pid").isJsonNull();
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            // Say where the run stood: its meta and what its pane and supervisor printed.
            Path dir = env.home.resolve("runs").resolve(id);
            StringBuilder why = new StringBuilder(e.getMessage()).append("\nmeta: ").append(env.meta(id));
            for (String f : new String[] {"pane.log", "supervisor.log", "stderr.log"}) {
                Path p = dir.resolve(f);
                if (java.nio.file.Files.exists(p)) why.append("\n").append(f).append(": ").append(java.nio.file.Files.readString(p));
            }
            throw new AssertionError(why.toString(), e);
        }
        return env.meta(id);
    }
}
