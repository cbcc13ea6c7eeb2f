package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * git in one directory, argv only, with the location variables cleared (GitSnapshot.environment) and user
 * configuration that would change what we write switched off. A failure caused by another git holding a lock
 * (index.lock, a ref lock) is retried for a while: the user's own git may be running next to us.
 */
public final class Git {
    /** Who agentctl's own commits are from: the start snapshot and the leftovers at the end of a run. */
    public static final Map<String, String> AGENTCTL_IDENTITY = Map.of("GIT_AUTHOR_NAME", "agentctl",
            "GIT_AUTHOR_EMAIL", "agentctl@localhost", "GIT_COMMITTER_NAME", "agentctl",
            "GIT_COMMITTER_EMAIL", "agentctl@localhost");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long LOCK_RETRY_NANOS = Duration.ofSeconds(20).toNanos();

    private final Path dir;

    public Git(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Runs git; the result as it is, whatever the exit code. */
    public ProcessRunner.Result run(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.quotepath=off",
                "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"));
        argv.addAll(Arrays.asList(args));
        Map<String, String> all = new HashMap<>(GitSnapshot.environment(env));
        if (env == null || !env.containsKey("GIT_OPTIONAL_LOCKS")) all.remove("GIT_OPTIONAL_LOCKS");
        long deadline = System.nanoTime() + LOCK_RETRY_NANOS;
        long pause = 20;
        while (true) {
            ProcessRunner.Result r = ProcessRunner.run(argv, null, all, TIMEOUT);
            if (r.ok() || !lockContention(r.stderr()) || System.nanoTime() > deadline) return r;
            try {
                Thread.sleep(pause); // back-off between retries while another git holds the lock
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    /** Runs git and returns its stdout, trimmed; a failure is an AgentctlException (failed) naming git's complaint. */
    public String out(String... args) {
        return out(null, args);
    }

    public String out(Map<String, String> env, String... args) {
        ProcessRunner.Result r = run(env, args);
        if (!r.ok()) throw failure(r, args);
        return r.stdout().strip();
    }

    /** stdout exactly as git wrote it (for -z output and patches); a failure as in {@link #out}. */
    public String raw(String... args) {
        ProcessRunner.Result r = run(null, args);
        if (!r.ok()) throw failure(r, args);
        return r.stdout();
    }

    /** stdout when git succeeded, else null (for questions whose "no" is a non-zero exit). */
    public String outOrNull(String... args) {
        ProcessRunner.Result r = run(null, args);
        return r.ok() ? r.stdout().strip() : null;
    }

    public AgentctlException failure(ProcessRunner.Result r, String... args) {
        String err = r.stderr().strip();
        int nl = err.indexOf('\n');
        String first = nl < 0 ? err : err.substring(0, nl);
        return AgentctlException.failed("git " + args[0] + " failed in " + dir
                + (first.isEmpty() ? " (exit " + r.exitCode() + ")" : ": " + first));
    }

    /** The commit a name stands for, or null when it names none. */
    public String commitOf(String ref) {
        return outOrNull("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
    }

    public boolean branchExists(String branch) {
        return run(null, "show-ref", "--verify", "--quiet", "refs/heads/" + branch).ok();
    }

    /** Lines of stdout, empty ones dropped. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) out.add(l);
        }
        return out;
    }

    static boolean lockContention(String stderr) {
        return stderr.contains(".lock") && (stderr.contains("File exists") || stderr.contains("Unable to create")
                || stderr.contains("cannot lock") || stderr.contains("could not lock"));
    }
}
