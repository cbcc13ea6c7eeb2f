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
    /** How long a launched run may wait for its supervisor to start before it counts as lost. */
    public static final Duration QUEUED_GRACE = Duration.ofSeconds(60);

    private final RunStore store;
    private final Supplier<RunFinalizer> finalizer;

    public Reconciler(RunStore store, Supplier<RunFinalizer> finalizer) {
        this.store = store;
        this.finalizer = finalizer;
    }

    /** Why the run counts as lost, or null while it is finished or alive. */
    public static String lostReason(RunMeta m, Instant now) {
        if (m.isFinished()) return null;
        ProcessIdentity supervisor = ProcessIdentity.of(m.num(RunMeta.SUPERVISOR_PID), m.num(RunMeta.SUPERVISOR_STARTED_AT_MS));
        if (supervisor != null) {
            return supervisor.isAlive() ? null : "supervisor (pid " + supervisor.pid() + ") is gone";
        }
        // Waiting for a slot is not waiting for a supervisor: nobody has been asked to start one yet.
        if (m.isWaitingInQueue()) return null;
        String launched = m.launchedAt() != null ? m.launchedAt() : m.createdAt();
        if (m.state() == RunState.QUEUED && launched != null) {
            try {
                if (Instant.parse(launched).plus(QUEUED_GRACE).isAfter(now)) return null;
            } catch (DateTimeParseException ignored) {
                // an unreadable time cannot keep a run alive
            }
        }
        return "supervisor never started";
    }

    /** Returns the meta as it now is: finalized as lost when its supervisor is gone. */
    public RunMeta reconcile(RunMeta m) {
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
