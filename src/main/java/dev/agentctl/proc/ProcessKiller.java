package dev.agentctl.proc;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and everything it started: SIGINT (codex finishes its turn cleanly), then SIGTERM,
 * then SIGKILL, each after a grace period. Descendants are collected before every step because a
 * child whose parent died is re-parented and no longer found through the parent.
 */
public final class ProcessKiller {
    private final Duration interruptGrace;
    private final Duration terminateGrace;

    public ProcessKiller(Duration interruptGrace, Duration terminateGrace) {
        this.interruptGrace = interruptGrace;
        this.terminateGrace = terminateGrace;
    }

    public static ProcessKiller standard() {
        return new ProcessKiller(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    /** SIGKILL for a process and everything it started, at once: for orphans nobody can stop gracefully. */
    public static void killNow(ProcessHandle root) {
        killNow(root, null);
    }

    /** {@link #killNow(ProcessHandle)}, and every process carrying the run's marker ({@link RunProcesses}). */
    public static void killNow(ProcessHandle root, String runId) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        collect(root, runId, all);
        all.forEach(ProcessHandle::destroyForcibly);
        // The caller records the run as ended next: it must not say so while the orphans still run.
        awaitAllDead(all, Duration.ofSeconds(5));
    }

    public void stop(ProcessHandle root) {
        stop(root, null);
    }

    /**
     * Stops root, its descendants, and (when runId is given) every process carrying the run's marker,
     * even those that left the tree (setsid, nohup, double forks).
     */
    public void stop(ProcessHandle root, String runId) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        collect(root, runId, all);
        signal("INT", all);
        if (awaitAllDead(all, interruptGrace)) return;
        collect(root, runId, all);
        all.forEach(ProcessHandle::destroy);
        if (awaitAllDead(all, terminateGrace)) return;
        collect(root, runId, all);
        all.forEach(ProcessHandle::destroyForcibly);
        awaitAllDead(all, Duration.ofSeconds(2));
    }

    private static void collect(ProcessHandle root, String runId, Set<ProcessHandle> into) {
        if (root != null) {
            if (root.isAlive()) into.add(root);
            root.descendants().forEach(into::add);
        }
        if (runId != null) {
            for (ProcessHandle h : RunProcesses.marked(runId)) {
                into.add(h);
                h.descendants().forEach(into::add);
            }
        }
    }

    private static void signal(String sig, Set<ProcessHandle> targets) {
        List<String> argv = new ArrayList<>(List.of("kill", "-s", sig));
        for (ProcessHandle h : targets) {
            if (h.isAlive()) argv.add(Long.toString(h.pid()));
        }
        if (argv.size() == 3) return;
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            targets.forEach(ProcessHandle::destroy); // no kill(1): fall back to SIGTERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls rather than waiting on onExit(): for a process that is not our child the JDK counts a
     * zombie as alive, and a parent that never reaps (a container's PID 1) keeps it one forever.
     */
    private static boolean awaitAllDead(Set<ProcessHandle> all, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            if (all.stream().allMatch(ProcessIdentity::isGone)) return true;
            if (System.nanoTime() - deadline >= 0) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
