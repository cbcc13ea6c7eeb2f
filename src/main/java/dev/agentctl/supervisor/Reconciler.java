package dev.agentctl.supervisor;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
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
    /** How long a queued run may wait for its supervisor to start before it counts as lost. */
    public static final Duration QUEUED_GRACE = Duration.ofSeconds(60);

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
        ProcessIdentity supervisor = ProcessIdentity.of(m.num("supervisor_pid"), m.num("supervisor_started_at_ms"));
        if (supervisor != null) {
            return supervisor.isAlive() ? null : "supervisor (pid " + supervisor.pid() + ") is gone";
        }
        if (RunStatus.QUEUED.equals(m.status()) && m.createdAt() != null) {
            try {
                if (Instant.parse(m.createdAt()).plus(QUEUED_GRACE).isAfter(now)) return null;
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
        ProcessIdentity codex = ProcessIdentity.of(m.num("codex_pid"), m.num("codex_started_at_ms"));
        if (codex != null) {
            // No supervisor is left to stop codex gracefully: an orphan must not keep working.
            codex.handle().ifPresent(ProcessKiller::killNow);
        }
        try {
            RunMeta done = finalizer.get().finishWithout(m.runId(), RunStatus.LOST, reason);
            return done != null ? done : store.read(m.runId());
        } catch (AgentctlException e) {
            // Readers (list, show, wait) still answer: the run is lost whether or not that can be written.
            if (!warned) warn.accept("cannot record lost runs (" + e.getMessage() + "); showing them as lost anyway");
            warned = true;
            RunMeta shown = m.copy();
            shown.put("status", RunStatus.FINISHED).put("outcome", RunStatus.LOST).put("error", reason);
            return shown;
        }
    }

    public List<RunMeta> reconcileAll(List<RunMeta> metas) {
        List<RunMeta> out = new ArrayList<>(metas.size());
        for (RunMeta m : metas) out.add(m.isFinished() ? m : reconcile(m));
        return out;
    }
}
