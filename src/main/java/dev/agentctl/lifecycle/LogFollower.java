package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.TerminalText;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.view.RunLog;
import dev.agentctl.view.RunReport;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * `logs`: a run's readable progress, and with follow, new lines as codex writes them until the run is
 * finished (a queued run: until it has started and finished). Woken by file-system events on the run
 * directory like {@link Waiter}; a slow liveness check makes a run whose supervisor died end as lost.
 */
public final class LogFollower {
    private final RunStore store;
    private final Reconciler reconciler;
    private final Duration livenessInterval;
    private final Runnable housekeeping;

    /**
     * @param housekeeping runs with each liveness check while the run waits in the queue: the queue's promotion,
     *     so that a run whose turn has come starts even when no supervisor is left to start it
     */
    public LogFollower(RunStore store, Reconciler reconciler, Duration livenessInterval, Runnable housekeeping) {
        this.store = store;
        this.reconciler = reconciler;
        this.livenessInterval = livenessInterval;
        this.housekeeping = housekeeping;
    }

    /**
     * Prints the header, the last n progress lines (n &lt; 0: all) and, once the run is finished, its
     * result; raw prints codex's events as they are, and nothing else. Returns the run as it was at the end.
     */
    /** One line for a run that has not started: why it waits, and that its progress follows once it runs. */
    private static String waiting(RunMeta m) {
        return "· waiting in the queue" + (m.queuedReason() == null ? "" : ": " + TerminalText.oneLine(m.queuedReason(), 200))
                + " (no progress until it starts)";
    }

    public RunMeta print(RunId runId, int n, boolean raw, boolean follow, Consumer<String> out) {
        RunMeta m = reconciler.reconcile(store.read(runId));
        if (!follow) {
            try {
                RunLog.snapshot(m, store.dir(runId), n, raw, Backends.of(m.agent()).newTurn()).forEach(out);
                if (!raw && m.isWaitingInQueue()) out.accept(waiting(m));
            } catch (IOException e) {
                throw AgentctlException.failed("cannot read the events of run " + runId + ": " + e.getMessage(), e);
            }
            return m;
        }
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            // Watch before the first read, so a write between the two cannot be missed.
            store.dir(runId).register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            m = reconciler.reconcile(store.read(runId));
            RunLog log = new RunLog(store.dir(runId), raw, Backends.of(m.agent()).newTurn());
            if (!raw) RunReport.header(m).forEach(out);
            log.nextLast(n).forEach(out);
            boolean saidWaiting = !raw && m.isWaitingInQueue();
            if (saidWaiting) out.accept(waiting(m));
            long nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
            while (!m.isFinished()) {
                WatchKey key = watch.poll(Math.max(0, nextLivenessCheck - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                log.next().forEach(out);
                RunMeta now = store.readQuietly(runId);
                if (now != null) m = now;
                if (saidWaiting && !m.isWaitingInQueue() && !m.isFinished()) {
                    saidWaiting = false;
                    out.accept("· left the queue: starting");
                }
                if (!m.isFinished() && System.nanoTime() >= nextLivenessCheck) {
                    if (m.isWaitingInQueue()) housekeeping.run();
                    m = reconciler.reconcile(store.read(runId));
                    nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
                }
            }
            log.next().forEach(out); // the supervisor has drained codex's output before it finalized
            if (!raw) RunReport.result(m).forEach(out);
            return m;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot follow run " + runId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return m;
        }
    }
}
