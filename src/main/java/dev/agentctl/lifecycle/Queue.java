package dev.agentctl.lifecycle;

import dev.agentctl.notify.Notifier;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.ProjectRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The queue without a daemon: queued runs wait in their meta.json, listed in the record of unfinished
 * runs, and whichever agentctl process sees a slot free (the supervisor of a finishing run, start, wait,
 * list, reconcile, kill) launches the oldest eligible ones. Every decision is taken under the
 * workspace-wide queue lock, so a run is launched once and the caps hold across processes.
 */
public final class Queue {
    /** Enough rounds for a chain of failed dependencies to resolve in one call. */
    private static final int MAX_ROUNDS = 20;

    private final RunStore store;
    private final Config config;
    private final ActiveRuns active;
    private final Reconciler reconciler;
    private final Supplier<RunFinalizer> finalizer;
    private final QueuedLaunch launcher;
    private final Followups followups;
    private final Map<String, String> ownEnv;

    /** @param ownEnv this process's environment (where the launcher script is) */
    public Queue(RunStore store, Config config, Supplier<RunFinalizer> finalizer, Map<String, String> ownEnv) {
        this.store = store;
        this.config = config;
        this.active = new ActiveRuns(store);
        this.finalizer = finalizer;
        this.reconciler = new Reconciler(store, finalizer);
        this.launcher = new QueuedLaunch(store, config, ownEnv);
        this.followups = new Followups(store);
        this.ownEnv = ownEnv;
    }

    /**
     * Makes a new run (create writes its directory and waiting meta, and returns its id) and lets the queue
     * decide at once: launched when a slot is free and nothing older stands before it. The run is made under
     * the queue lock, so its creation time is its place in the queue. With noQueue a run that would have
     * to wait is refused instead; a run that cannot be launched throws. Either way the caller removes it.
     */
    public RunId enqueue(Supplier<RunId> create, boolean noQueue, Admission.Placement placement, String title) {
        return active.locked(() -> {
            RunId runId = create.get();
            active.add(List.of(runId));
            RuntimeException failed = pass(runId, null);
            if (failed != null) throw failed;
            RunMeta m = store.read(runId);
            if (noQueue && m.isWaitingInQueue()) {
                throw Admission.refuseQueueing(store.workspace(), placement, title, m.queuedReason());
            }
            return runId;
        });
    }

    /**
     * Launches what may run now; never throws for one run's trouble (that run is finalized as failed). An
     * escalation a waiting run's dependency wants, whose supervisor died before starting it, is started first.
     */
    public void promote() {
        promote(List.of());
    }

    /**
     * Promotes, after putting back in the record those of these runs (e.g. waited on) that wait in the queue;
     * these runs' escalations are started too when their supervisor is gone (a batch task nothing depends on).
     */
    public void promote(Collection<RunId> runIds) {
        active.locked(() -> {
            List<RunId> waiting = new ArrayList<>();
            for (RunId id : runIds) {
                RunMeta m = store.readQuietly(id);
                if (m != null && m.isWaitingInQueue()) waiting.add(id);
            }
            if (!waiting.isEmpty()) active.add(waiting);
            return pass(null, runIds);
        });
    }

    /**
     * A batch's held runs take their place in the queue, all in one pass under the lock (none launches
     * before the last is released), and what may run now is launched.
     */
    public void release(Collection<RunId> heldRunIds) {
        active.locked(() -> {
            for (RunId id : heldRunIds) store.update(id, RunMeta::release);
            return pass(null, List.of());
        });
    }

    /**
     * The queue's trigger for escalations (see {@link Escalation}), for what the waiting runs wait for and for
     * runIds; true when one started (or failed to). The caller holds the lock.
     */
    private boolean startOrphanedEscalations(List<RunMeta> waiting, Collection<RunId> runIds) {
        Set<RunId> results = new LinkedHashSet<>(runIds);
        for (RunMeta m : waiting) if (!m.isHeld()) results.addAll(m.after());
        return !results.isEmpty() && Escalation.startOrphaned(store, config, ownEnv,
                () -> new Notifier(store.workspace(), config, ownEnv, problem -> { }), results);
    }

    /**
     * A kill of a run still waiting in the queue: it ends killed without ever starting. Returns its meta
     * as it now is, or null when it is no longer waiting (launched meanwhile: its supervisor stops it).
     */
    public RunMeta killWaiting(RunId runId, String reason) {
        return active.locked(() -> {
            RunMeta m = store.read(runId);
            if (!m.isWaitingInQueue()) return null;
            RunMeta done = finalizer.get().finishWithout(runId, Outcome.KILLED, reason);
            return done != null ? done : store.read(runId);
        });
    }

    /**
     * One or more rounds over the unfinished runs, oldest first; returns the given run's launch failure. With
     * escalate (null: not, as within a start), escalations whose supervisor died are started first.
     */
    private RuntimeException pass(RunId own, Collection<RunId> escalate) {
        RuntimeException ownFailure = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean endedSome = false;
            Slots slots = new Slots(config.maxConcurrent(), new ProjectRegistry(store.workspace()).concurrencyCaps(),
                    new GroupStore(store.workspace()));
            // Messages sent to runs go first: they continue work that held a slot a moment ago.
            List<RunMeta> waiting = new ArrayList<>();
            List<RunMeta> others = new ArrayList<>();
            for (RunMeta m : active.unfinished()) {
                if (m.isWaitingInQueue()) {
                    (m.isFollowup() ? waiting : others).add(m);
                } else if (!reconciler.reconcile(m).isFinished()) { // a lost run's slot is free again
                    slots.take(m);
                }
            }
            waiting.addAll(others);
            // A new run, and dependents that now wait for it: read again before deciding anything.
            if (round == 0 && escalate != null && startOrphanedEscalations(waiting, escalate)) continue;
            for (RunMeta w : waiting) {
                if (w.isHeld()) { // its batch is being submitted: never launched before it is released
                    if (HeldRuns.submitterGone(w)) {
                        endedSome = end(w, Outcome.FAILED, HeldRuns.SUBMISSION_DIED);
                    } else {
                        store.update(w.runId(), m -> m.isHeld() && m.waitInQueue(m.heldReason()));
                    }
                    continue;
                }
                if (endBeforeStart(w)) {
                    endedSome = true;
                    continue;
                }
                Followups.Turn turn = w.isFollowup() ? followups.turn(w, config, ownEnv) : null;
                if (turn != null && turn.error() != null) {
                    endedSome = end(w, Outcome.FAILED, turn.error());
                    continue;
                }
                String reason = turn != null ? turn.waitReason() : dependencyPending(w);
                if (reason == null) reason = slots.reasonToWait(w);
                if (reason != null) {
                    String why = reason;
                    store.update(w.runId(), m -> m.isWaitingInQueue() && m.waitInQueue(why));
                    continue;
                }
                RunMeta launched = store.update(w.runId(), turn == null ? RunMeta::launch
                        : m -> m.continueThread(turn.threadId(), turn.argv(), turn.baseCommit()));
                if (launched == null) continue;
                slots.take(launched);
                try {
                    TaskPrompt.fillForLaunch(store, launched);
                    launcher.launch(launched, turn == null ? null : turn.besidePane());
                } catch (RuntimeException e) {
                    if (w.runId().equals(own)) {
                        ownFailure = e;
                    } else {
                        finalizer.get().finishWithout(w.runId(), Outcome.FAILED, "cannot start run: " + e.getMessage());
                    }
                }
            }
            if (!endedSome) break;
        }
        return ownFailure;
    }

    /** Ends a waiting run that can no longer start: its queue timeout passed, or a dependency did not succeed. */
    private boolean endBeforeStart(RunMeta w) {
        Long limit = w.queueTimeoutSeconds();
        if (limit != null && w.createdAt() != null) {
            try {
                if (Instant.parse(w.createdAt()).plusSeconds(limit).isBefore(Instant.now())) {
                    return end(w, Outcome.TIMED_OUT, "queue timeout of " + limit + "s reached before the run could start");
                }
            } catch (DateTimeParseException ignored) {
                // an unreadable creation time cannot time out
            }
        }
        if (w.afterAny() || w.isFollowup()) return false; // a message goes whatever the outcome (see Followups)
        for (RunId dep : w.after()) {
            RunMeta d = Escalation.last(store, dep);
            if (d == null) return end(w, Outcome.FAILED, "dependency " + dependencyName(w, dep) + " missing");
            if (d.isFinished() && d.outcomeValue() != Outcome.SUCCEEDED && !Escalation.pending(d)) {
                return end(w, Outcome.FAILED, "dependency " + dependencyName(w, dep) + " " + d.outcome());
            }
        }
        return false;
    }

    /** A batch task names its dependencies by task id; other runs by run id. */
    private static String dependencyName(RunMeta w, RunId runId) {
        for (Map.Entry<String, String> e : w.batchDeps().entrySet()) if (e.getValue().equals(runId.value())) return e.getKey();
        return runId.value();
    }

    private boolean end(RunMeta w, Outcome outcome, String error) {
        finalizer.get().finishWithout(w.runId(), outcome, error);
        return true;
    }

    /** The first dependency still unfinished, as queued_reason says it; null when all have finished. */
    private String dependencyPending(RunMeta w) {
        for (RunId dep : w.after()) {
            RunMeta d = Escalation.last(store, dep);
            if (d != null && !d.isFinished()) return "after " + d.runId() + " (" + d.status() + ")";
            if (d != null && Escalation.pending(d)) return "after " + d.runId() + " (escalating)";
        }
        return null;
    }

    /** For status: the caps and what holds them now, from the record of unfinished runs. */
    static Slots slotsOf(RunStore store, Config config, List<RunMeta> unfinished) {
        Slots s = new Slots(config.maxConcurrent(), new ProjectRegistry(store.workspace()).concurrencyCaps(),
                new GroupStore(store.workspace()));
        for (RunMeta m : unfinished) if (m.holdsSlot()) s.take(m);
        return s;
    }

}
