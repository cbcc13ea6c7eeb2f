package dev.agentctl.proc;

import dev.agentctl.base.AgentctlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived child process from an argv list, drains both outputs, and enforces a deadline. */
public final class ProcessRunner {
    /** What the process left behind; outputs decoded as UTF-8. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private ProcessRunner() {}

    /**
     * Runs argv in cwd (null: ours) with our environment plus extraEnv; an extraEnv entry whose value is null
     * removes that variable. stdin is closed at once so the child never waits for input.
     *
     * @throws AgentctlException (failed) when the program cannot be started, is interrupted, or outlives timeout
     */
    public static Result run(List<String> argv, Path cwd, Map<String, String> extraEnv, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(List.copyOf(argv));
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        if (extraEnv != null) {
            Map<String, String> env = pb.environment();
            extraEnv.forEach((k, v) -> {
                if (v == null) env.remove(k); else env.put(k, v);
            });
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        // Both pipes are drained on their own threads: a child blocked on a full pipe would never exit.
        Drain out = Drain.start(p.getInputStream(), argv.get(0) + "-stdout");
        Drain err = Drain.start(p.getErrorStream(), argv.get(0) + "-stderr");
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already be gone; nothing to feed it anyway
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            // A grandchild can hold the pipes open after the child exits; the same deadline covers that.
            if (!exited || !out.await(deadline) || !err.await(deadline)) {
                kill(p);
                throw AgentctlException.failed(String.join(" ", argv) + " timed out after " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw AgentctlException.failed(argv.get(0) + " was interrupted", e);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies one stream into memory on a daemon thread. */
    private static final class Drain implements Runnable {
        private static final long GRACE_MILLIS = 2000;
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in, String name) {
            this.in = in;
            this.thread = new Thread(this, "drain-" + name);
            thread.setDaemon(true);
        }

        static Drain start(InputStream in, String name) {
            Drain d = new Drain(in, name);
            d.thread.start();
            return d;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (buf) {
                        buf.write(chunk, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // stream closed under us (process killed): keep what was read
            }
        }

        boolean await(long deadlineNanos) throws InterruptedException {
            // A short grace beyond the deadline: the child may have exited just in time with output still in the pipe.
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            thread.join(Math.max(GRACE_MILLIS, leftMillis));
            return !thread.isAlive();
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
