package dev.agentctl.lifecycle;

import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops runs: a run still waiting in the queue ends killed without starting; otherwise a request file for each run's supervisor (the only writer of its meta while it lives),
 * then, for any run no supervisor finished in time, the orphan's codex is killed and the run finished here.
 */
public final class RunKiller {
    /** The supervisor needs the interrupt and terminate grace periods, plus a little. */
    public static final Duration SUPERVISOR_GRACE = Duration.ofSeconds(15);

    private final RunStore store;
    private final Reconciler reconciler;
    private final RunFinalizer finalizer;
    private final Queue queue;

    /** @param queue ends runs still waiting for a slot (they have no supervisor to ask) and hands slots on */
    public RunKiller(RunStore store, Reconciler reconciler, RunFinalizer finalizer, Queue queue) {
        this.store = store;
        this.reconciler = reconciler;
        this.finalizer = finalizer;
        this.queue = queue;
    }

    /** One run's answer: its meta now, and whether it was already finished before this call. */
    public record Killed(RunMeta meta, boolean alreadyFinished) {}

    /** Unknown ids fail before anything is touched; returns the runs in the order asked. */
    public List<Killed> kill(List<RunId> runIds, String reason) throws IOException {
        runIds.forEach(store::read);
        List<Killed> out = new ArrayList<>();
        List<RunId> asked = new ArrayList<>();
        for (RunId id : runIds) {
            RunMeta m = reconciler.reconcile(store.read(id));
            if (m.isFinished()) {
                out.add(new Killed(m, true));
                continue;
            }
            RunMeta neverStarted = m.isWaitingInQueue() ? queue.killWaiting(id, reason) : null;
            if (neverStarted != null) {
                out.add(new Killed(neverStarted, false));
                continue;
            }
            new StopRequest(Outcome.KILLED, reason).writeTo(store.dir(id));
            asked.add(id);
        }
        if (asked.size() < runIds.size()) queue.promote(); // runs waiting on those killed may now end
        if (asked.isEmpty()) return out;
        Waiter.Result r = new Waiter(store, reconciler, Duration.ofSeconds(1)).await(asked, false, SUPERVISOR_GRACE);
        for (RunMeta m : r.runs()) {
            out.add(new Killed(m.isFinished() ? m : finalizer.finishOrphaned(m, Outcome.KILLED, reason), false));
        }
        return out;
    }
}
