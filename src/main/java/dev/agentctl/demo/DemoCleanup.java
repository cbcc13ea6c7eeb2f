package dev.agentctl.demo;

import com.google.gson.JsonObject;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.store.Json;
import dev.agentctl.tmux.Tmux;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Leaves nothing behind: the offline model, every process the runs started, the private tmux server and
 * the demo directory (the last two are kept with --keep). Runs once, either at the end of the demo or
 * from a shutdown hook when the demo is interrupted.
 */
public final class DemoCleanup implements Runnable {
    /** How long finished runs get to let their supervisor exit on its own before it is stopped. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
    /** When interrupted: a moment for supervisors that got SIGHUP to stop their codex before they are stopped. */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(3);
    /** Longer than any start or resume takes (DemoCli's command timeout). */
    private static final Duration GATE_PATIENCE = Duration.ofSeconds(70);

    private final DemoPlace place;
    private final boolean tmux;
    private final boolean keep;
    private final PrintStream out;
    private final DemoGate gate = new DemoGate();
    private volatile OfflineModelServer model;
    private boolean done;

    /** The environment the demo's commands ran in: its TMUX_TMPDIR says where their tmux server lives. */
    private final java.util.Map<String, String> env;

    DemoCleanup(DemoPlace place, boolean tmux, boolean keep, PrintStream out, java.util.Map<String, String> env) {
        this.env = env;
        this.place = place;
        this.tmux = tmux;
        this.keep = keep;
        this.out = out;
    }

    public void model(OfflineModelServer model) {
        this.model = model;
    }

    /** The shutdown-hook path: runs may still be going, so they are stopped rather than waited for. */
    @Override
    public void run() {
        cleanUp(false);
    }

    /** The normal path: the runs have finished and their supervisors are on their way out. */
    void afterRuns() {
        cleanUp(true);
    }

    /** What creates runs goes through here, so that cleanup never races it. */
    DemoGate gate() {
        return gate;
    }

    private synchronized void cleanUp(boolean runsFinished) {
        if (done) return;
        done = true;
        // A start or resume in flight finishes first (its run then gets stopped below); nothing starts after.
        gate.close(GATE_PATIENCE, () -> cleanUpClosed(runsFinished));
    }

    private void cleanUpClosed(boolean runsFinished) {
        OfflineModelServer m = model;
        if (m != null) m.close();
        // A kept session shows the finished panes (they linger); only an interrupted demo stops it.
        if (!(keep && tmux && runsFinished)) {
            // SIGHUP to every pane: a supervisor still running stops its codex and marks its run lost; one that
            // has finalized its run (the normal case) just exits.
            if (tmux) killTmuxServer();
            stopRunProcesses(runsFinished ? EXIT_GRACE : ABORT_GRACE);
        }
        if (!keep) {
            String problem = place.delete();
            if (problem != null) out.println("warning: " + problem);
        }
    }

    private void killTmuxServer() {
        try {
            new Tmux(place.tmuxSocket, env).killServer(); // also removes the socket file tmux leaves behind
        } catch (RuntimeException e) {
            out.println("warning: could not stop the demo's tmux server " + place.tmuxSocket + ": " + e.getMessage());
        }
    }

    private void stopRunProcesses(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : runProcesses()) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still alive after the grace: stopped below
            }
            if (h.isAlive()) ProcessKiller.standard().stop(h);
        }
    }

    /**
     * Every live process of the demo's runs: supervisors and codex recorded in run metas, plus anything whose
     * command line names the demo directory (a supervisor that has not recorded itself yet, an agentctl wait).
     */
    private Set<ProcessHandle> runProcesses() {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        Path runs = place.home.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> dirs = Files.list(runs)) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    JsonObject meta = readQuietly(dir.resolve("meta.json"));
                    if (meta == null) continue;
                    alive(meta, "supervisor_pid", "supervisor_started_at_ms").ifPresent(found::add);
                    alive(meta, "codex_pid", "codex_started_at_ms").ifPresent(found::add);
                }
            } catch (IOException e) {
                out.println("warning: cannot list the demo's runs: " + e.getMessage());
            }
        }
        String marker = place.base.toString();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self && h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(found::add);
        return found;
    }

    private static Optional<ProcessHandle> alive(JsonObject meta, String pidKey, String startKey) {
        ProcessIdentity id = ProcessIdentity.of(Json.longValue(meta, pidKey), Json.longValue(meta, startKey));
        return id == null ? Optional.empty() : id.handle();
    }

    private static JsonObject readQuietly(Path file) {
        try {
            return Json.readObject(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
