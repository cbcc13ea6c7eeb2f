package dev.agentctl.lifecycle;

import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunState;
import dev.agentctl.run.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Notices runs whose supervisor is gone (killed, pane closed, tmux server gone) and finalizes them
 * as lost. Cheap enough for list: one /proc look-up per unfinished run, no tmux or git.
 */
public final class Reconciler {
    /** How long a queued run may wait for its supervisor to start before it counts as lost. */
    public static final Duration QUEUED_GRACE = Duration.ofSeconds(60);

    private final RunStore store;
    private final Supplier<RunFinalizer> finalizer;
    private final Supplier<Followups> followups;

    public Reconciler(RunStore store, Supplier<RunFinalizer> finalizer) {
        this(store, finalizer, null);
    }

    /** @param followups delivers a waiting follow-up whose turn has come (null: such runs are left waiting) */
    public Reconciler(RunStore store, Supplier<RunFinalizer> finalizer, Supplier<Followups> followups) {
        this.store = store;
        this.finalizer = finalizer;
        this.followups = followups;
    }

    /** Why the run counts as lost, or null while it is finished or alive. */
    public static String lostReason(RunMeta m, Instant now) {
        if (m.isFinished() || m.isWaitingForTurn()) return null;
        ProcessIdentity supervisor = ProcessIdentity.of(m.num(RunMeta.SUPERVISOR_PID), m.num(RunMeta.SUPERVISOR_STARTED_AT_MS));
        if (supervisor != null) {
            return supervisor.isAlive() ? null : "supervisor (pid " + supervisor.pid() + ") is gone";
        }
        String queuedAt = m.str(RunMeta.LAUNCHED_AT) != null ? m.str(RunMeta.LAUNCHED_AT) : m.createdAt();
        if (m.state() == RunState.QUEUED && queuedAt != null) {
            try {
                if (Instant.parse(queuedAt).plus(QUEUED_GRACE).isAfter(now)) return null;
            } catch (DateTimeParseException ignored) {
                // an unreadable time cannot keep a run alive
            }
        }
        return "supervisor never started";
    }

    /**
     * Returns the meta as it now is: finalized as lost when its supervisor is gone; a follow-up waiting for
     * a run that has finished is delivered (or failed) here when that run's supervisor could not.
     */
    public RunMeta reconcile(RunMeta m) {
        if (m.isWaitingForTurn()) return followups == null ? m : followups.get().settle(m);
        String reason = lostReason(m, Instant.now());
        if (reason == null) return m;
        return finalizer.get().finishOrphaned(m, Outcome.LOST, reason);
    }

    public List<RunMeta> reconcileAll(List<RunMeta> metas) {
        List<RunMeta> out = new ArrayList<>(metas.size());
        for (RunMeta m : metas) out.add(m.isFinished() ? m : reconcile(m));
        return out;
    }
}
