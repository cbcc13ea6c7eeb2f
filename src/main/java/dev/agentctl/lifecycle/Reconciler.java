package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices runs whose supervisor is gone (killed, pane closed, tmux server gone) and finalizes them
 * as lost. Cheap enough for list: one /proc look-up per unfinished run, no tmux or git.
 */
public final class Reconciler {
    /** How long a launched run may wait for its supervisor to start before it counts as lost. */
    public static final Duration QUEUED_GRACE = Duration.ofSeconds(60);
    /**
     * How long past a run's deadline a stopped supervisor (SIGSTOP) has before others end the run; a
     * running supervisor needs under 10 s to stop codex, but its end snapshot may take a while, so one
     * that merely looks slow gets {@link #DEADLINE_GRACE_RUNNING}.
     */
    public static final Duration DEADLINE_GRACE = Duration.ofSeconds(20);
    public static final Duration DEADLINE_GRACE_RUNNING = Duration.ofSeconds(150);

    private final RunStore store;
    private final Supplier<RunFinalizer> finalizer;
    private final Consumer<String> warn;
    private boolean warned;

    public Reconciler(RunStore store, Supplier<RunFinalizer> finalizer) {
        this(store, finalizer, w -> {});
    }

    /** {@code warn} hears, once, that a lost run could not be recorded (a read-only workspace). */
    public Reconciler(RunStore store, Supplier<RunFinalizer> finalizer, Consumer<String> warn) {
        this.store = store;
        this.finalizer = finalizer;
        this.warn = warn;
    }

    /** Why the run counts as lost, or null while it is finished or alive. */
    public static String lostReason(RunMeta m, Instant now) {
        if (m.isFinished()) return null;
        ProcessIdentity supervisor = m.supervisor();
        if (supervisor != null) {
            return supervisor.isAlive() ? null : "supervisor (pid " + supervisor.pid() + ") is gone";
        }
        // Waiting for a slot is not waiting for a supervisor: nobody has been asked to start one yet.
        if (m.isWaitingInQueue()) return null;
        ProcessIdentity launchedProcess = ProcessIdentity.of(m.num(RunMeta.LAUNCH_PID), m.num(RunMeta.LAUNCH_STARTED_AT_MS));
        if (launchedProcess != null && !launchedProcess.isAlive()) {
            // The process start launched (the supervisor-to-be) ended without taking the run: no need
            // to wait out the grace period, with the caller's environment still on disk.
            return "supervisor never started (its process, pid " + launchedProcess.pid() + ", exited)";
        }
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

    /**
     * Why a run whose supervisor lives must be ended anyway: its deadline passed a grace period ago
     * and the supervisor has not acted (frozen by SIGSTOP, or starved).
     */
    public static String overdueReason(RunMeta m, Instant now) {
        Long timeoutS = m.timeoutSeconds();
        String startedAt = m.str(RunMeta.STARTED_AT);
        Long supervisorPid = m.num(RunMeta.SUPERVISOR_PID);
        if (m.isFinished() || timeoutS == null || startedAt == null) return null;
        Duration grace = supervisorPid != null && ProcessIdentity.isStopped(supervisorPid) ? DEADLINE_GRACE : DEADLINE_GRACE_RUNNING;
        try {
            Instant due = Instant.parse(startedAt).plusSeconds(timeoutS).plus(grace);
            return now.isAfter(due) ? "deadline of " + timeoutS + "s reached; the supervisor did not act on it (stopped or frozen)" : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns the meta as it now is: finalized as lost when its supervisor is gone, timed out when overdue. */
    public RunMeta reconcile(RunMeta m) {
        Instant now = Instant.now();
        String reason = lostReason(m, now);
        Outcome outcome = Outcome.LOST;
        if (reason == null) {
            reason = overdueReason(m, now);
            if (reason == null) return m;
            outcome = Outcome.TIMED_OUT;
            // A stopped supervisor would never act, and would find codex gone if continued: end it.
            ProcessIdentity supervisor = m.supervisor();
            if (supervisor != null) supervisor.handle().ifPresent(ProcessHandle::destroyForcibly);
        }
        try {
            return finalizer.get().finishOrphaned(m, outcome, reason);
        } catch (AgentctlException e) {
            // Readers (list, show, wait) still answer: the run is lost whether or not that can be written.
            if (!warned) warn.accept("cannot record lost runs (" + e.getMessage() + "); showing them as ended anyway");
            warned = true;
            RunMeta shown = m.copy();
            shown.setOutcome(outcome, reason);
            shown.finish();
            return shown;
        }
    }

    public List<RunMeta> reconcileAll(List<RunMeta> metas) {
        List<RunMeta> out = new ArrayList<>(metas.size());
        for (RunMeta m : metas) out.add(m.isFinished() ? m : reconcile(m));
        return out;
    }
}
