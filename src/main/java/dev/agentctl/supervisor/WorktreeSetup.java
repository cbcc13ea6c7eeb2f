package dev.agentctl.supervisor;

import dev.agentctl.proc.ProcessKiller;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A project's worktree_setup command (npm ci, a venv, ...) run in a new worktree before codex. It is the user's
 * own configured shell command, so it goes to `sh -c` as it is; output to runs/<id>/setup.log, a time limit,
 * and a kill request stops it like it stops codex.
 */
final class WorktreeSetup {
    private static final long TICK_MS = 100;

    private WorktreeSetup() {}

    /** Why the setup failed (exit code and its last lines), or null when it succeeded or was stopped. */
    static String run(String command, Path workDir, Map<String, String> env, Path log, long timeoutS, BooleanSupplier stop)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command)).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return "worktree_setup could not start: " + e.getMessage();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (!p.waitFor(TICK_MS, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                ProcessKiller.standard().stop(p.toHandle());
                return null;
            }
            if (System.nanoTime() > deadline) {
                ProcessKiller.standard().stop(p.toHandle());
                return "worktree_setup did not finish within " + timeoutS + "s (config worktree_setup_timeout): " + tail(log);
            }
        }
        int exit = p.exitValue();
        return exit == 0 ? null : "worktree_setup exited " + exit + ": " + tail(log);
    }

    /** The last lines of the setup log, on one line. */
    private static String tail(Path log) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - 400);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8).strip();
            String[] lines = text.split("\n");
            int from = Math.max(0, lines.length - 5);
            return String.join(" | ", java.util.Arrays.asList(lines).subList(from, lines.length)).strip();
        }
    }
}
