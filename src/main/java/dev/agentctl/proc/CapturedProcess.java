package dev.agentctl.proc;

import dev.agentctl.base.AgentctlException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child with exactly the environment given, stdin from a file (or /dev/null), and both outputs
 * captured in temporary files under a deadline. Unlike {@link ProcessRunner} it can feed a prompt file
 * (codex exec reads its prompt from stdin) and it replaces the environment instead of extending ours,
 * so the demo and doctor never hand the caller's workspace or tmux to what they start.
 * Files rather than pipes: nothing can block on a full pipe, and a grandchild that keeps the
 * files open (a detached supervisor) cannot hold up the wait.
 */
public final class CapturedProcess {
    private CapturedProcess() {}

    /**
     * @param stdin a file fed as standard input, or null for /dev/null
     * @throws AgentctlException (failed) when the program cannot start, is interrupted, or outlives timeout
     */
    public static ProcessRunner.Result run(List<String> argv, Path cwd, Map<String, String> env, Path stdin,
            Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("agentctl-out-", ".txt");
            err = Files.createTempFile("agentctl-err-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(List.copyOf(argv))
                    .redirectInput(stdin != null ? stdin.toFile() : new File("/dev/null"))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (cwd != null) pb.directory(cwd.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = start(pb, argv);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw AgentctlException.failed(argv.get(0) + " " + (argv.size() > 1 ? argv.get(1) + " " : "")
                        + "timed out after " + timeout.toSeconds() + " s");
            }
            return new ProcessRunner.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw AgentctlException.failed("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentctlException.failed(argv.get(0) + " was interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static Process start(ProcessBuilder pb, List<String> argv) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
