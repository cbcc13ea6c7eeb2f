package dev.agentctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Child processes for tests: argv lists, bounded waits, output drained on threads. */
public final class Procs {
    private Procs() {}

    public static ProcResult run(List<String> argv, Path cwd, Map<String, String> env, String stdin, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
            if (env != null) {
                pb.environment().clear();
                pb.environment().putAll(env);
            }
            if (stdin == null) pb.redirectInput(new File("/dev/null"));
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (stdin != null) {
                try (var os = p.getOutputStream()) {
                    os.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the command may exit before reading its input
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + argv + "\nstdout so far: "
                        + out.getNow("") + "\nstderr: " + err.getNow(""));
            }
            return new ProcResult(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv + ": " + e, e);
        } catch (Exception e) {
            if (e instanceof RuntimeException re) throw re;
            throw new AssertionError(e);
        }
    }

    public static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** Exited (a zombie counts: a container's PID 1 may never reap it) or never existed. */
    public static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(dev.agentctl.proc.ProcessIdentity::isGone).orElse(true);
    }

    /** Polls until the condition holds or fails the test at the deadline. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for: " + what + " (" + timeout + ")");
            try {
                Thread.sleep(20); // polling interval, not synchronisation: the deadline bounds it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
