package dev.agentctl.testing;

import dev.agentctl.tmux.Tmux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A tmux server of its own for one test: a unique {@code -L agentctl-test-...} socket, never the user's
 * server, killed on {@link #close()} (use try-with-resources or @AfterEach) and, as a last resort, when the
 * test JVM exits.
 */
public final class PrivateTmux implements AutoCloseable {
    public static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PrivateTmux::killQuietly)));
    }

    private final String socket;
    private final Tmux tmux;

    private PrivateTmux(String socket) {
        this.socket = socket;
        this.tmux = new Tmux(socket, System.getenv());
    }

    /** A fresh socket name; the server itself starts with the first session. */
    public static PrivateTmux create() {
        if (!Tmux.installed(System.getenv("PATH"))) {
            throw new AssertionError("tmux must be on PATH for this test");
        }
        String socket = "agentctl-test-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        LIVE.add(socket);
        return new PrivateTmux(socket);
    }

    public String socket() {
        return socket;
    }

    public Tmux tmux() {
        return tmux;
    }

    /** Runs raw tmux on this server (arguments exactly as given); fails the test unless it exits 0. */
    public String run(String... args) {
        List<String> argv = tmux.command(args);
        if (!argv.get(1).equals("-L") || !argv.get(2).equals(socket)) {
            throw new AssertionError("refusing to run tmux without the private socket: " + argv);
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        pb.environment().remove("TMUX_PANE");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux did not finish: " + argv);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("tmux failed (" + p.exitValue() + "): " + argv + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code display-message -p -t target format}, first line. */
    public String query(String target, String format) {
        return run("display-message", "-p", "-t", target, format).strip();
    }

    /** One line per pane of {@code target} (a session or window), formatted. */
    public List<String> panes(String target, String format) {
        List<String> lines = new ArrayList<>();
        for (String line : run("list-panes", "-s", "-t", target, "-F", format).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Starts a detached session of the given size whose first pane runs {@code argv}; returns that pane. */
    public String newSession(String name, int width, int height, String... argv) {
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", name, "-x", Integer.toString(width),
                "-y", Integer.toString(height), "-P", "-F", "#{pane_id}", "--"));
        args.addAll(List.of(argv));
        return run(args.toArray(String[]::new)).strip();
    }

    /** Polls {@code probe} every 20 ms until {@code done} accepts its value or {@link #DEADLINE} passes. */
    public static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    /** Kills the server (Tmux.killServer also removes the socket file tmux leaves behind). */
    @Override
    public void close() {
        tmux.killServer();
        LIVE.remove(socket);
    }

    private static void killQuietly(String socket) {
        try {
            new Tmux(socket, System.getenv()).killServer();
        } catch (RuntimeException ignored) {
            // JVM is exiting; nothing more to do
        }
    }
}
