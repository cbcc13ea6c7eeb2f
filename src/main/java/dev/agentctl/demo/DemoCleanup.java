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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Leaves nothing behind: the offline model, every process the runs started, the private tmux server and
 * the demo directory (the last two are kept with --keep). Runs once, either at the end of the demo or
 * from a shutdown hook when the demo is interrupted.
 */
final class DemoCleanup implements Runnable {
    /** How long finished runs get to let their supervisor exit on its own before it is stopped. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final DemoPlace place;
    private final boolean tmux;
    private final boolean keep;
    private final String tmuxTmpDir;
    private final PrintStream out;
    private volatile OfflineModelServer model;
    private boolean done;

    DemoCleanup(DemoPlace place, boolean tmux, boolean keep, String tmuxTmpDir, PrintStream out) {
        this.place = place;
        this.tmuxTmpDir = tmuxTmpDir;
        this.tmux = tmux;
        this.keep = keep;
        this.out = out;
    }

    void model(OfflineModelServer model) {
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

    private synchronized void cleanUp(boolean runsFinished) {
        if (done) return;
        done = true;
        OfflineModelServer m = model;
        if (m != null) m.close();
        // A kept tmux session shows the finished panes (they linger); everything else is stopped.
        if (!(keep && tmux)) stopRunProcesses(runsFinished ? EXIT_GRACE : Duration.ZERO);
        if (tmux && !keep) {
            try {
                new Tmux(place.tmuxSocket).killServer();
                removeSocketFile();
            } catch (RuntimeException e) {
                out.println("warning: could not stop the demo's tmux server " + place.tmuxSocket + ": " + e.getMessage());
            }
        }
        if (!keep) {
            String problem = place.delete();
            if (problem != null) out.println("warning: " + problem);
        }
    }

    /**
     * tmux (3.3 at least) leaves its socket file behind when the server exits; the demo's server is gone
     * by now, so its socket in ${TMUX_TMPDIR:-/tmp}/tmux-UID is just litter.
     */
    private void removeSocketFile() {
        try {
            Object uid = Files.getAttribute(place.base, "unix:uid");
            String dir = tmuxTmpDir == null || tmuxTmpDir.isBlank() ? "/tmp" : tmuxTmpDir;
            Path socket = Path.of(dir, "tmux-" + uid, place.tmuxSocket);
            if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(socket);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // a stale socket file is harmless
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

    /** Supervisors and codex processes recorded in the demo's run metas that are still alive. */
    private List<ProcessHandle> runProcesses() {
        List<ProcessHandle> found = new ArrayList<>();
        Path runs = place.home.resolve("runs");
        if (!Files.isDirectory(runs)) return found;
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
