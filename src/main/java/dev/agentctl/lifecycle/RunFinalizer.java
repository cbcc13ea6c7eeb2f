package dev.agentctl.lifecycle;

import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import java.util.function.Consumer;

/**
 * Finalizes a run exactly once: under the run lock it re-reads meta, does nothing when another
 * process already finalized it, else writes status=finished with the outcome and then notifies.
 */
public final class RunFinalizer {
    private final RunStore store;
    private final Notifier notifier;

    public RunFinalizer(RunStore store, Notifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    /** Returns the final meta when this call finalized the run, or null when it was already final. */
    public RunMeta finish(RunId runId, Consumer<RunMeta> result) {
        return store.locked(runId, () -> {
            RunMeta m = store.read(runId);
            if (m.isFinished()) return null;
            result.accept(m);
            WorktreeFinish.commitLeftovers(store, m);
            m.finish();
            // All under the run lock: exactly one notification per run, and only for a meta that is
            // on disk (a full disk or read-only workspace fails in prepare, before anything is told).
            try (AtomicFiles.Pending pending = store.prepareWrite(m)) {
                notifier.recordFinished(m);
                store.commit(m, pending);
            } catch (java.io.IOException e) {
                // discarding the temporary file failed: harmless, it is hidden and replaced next time
            }
            forgetCallerEnvironment(runId);
            notifier.announceFinished(m);
            return m;
        });
    }

    /** A supervisor that never started leaves the caller's environment behind: it must not outlive the run. */
    private void forgetCallerEnvironment(RunId runId) {
        try {
            java.nio.file.Files.deleteIfExists(store.dir(runId).resolve(CallerEnvironment.FILE));
        } catch (java.io.IOException ignored) {
            // the directory is private (0700); a leftover is harmless to others
        }
    }

    /**
     * Finishes a run whose supervisor is gone or did not act: its codex, if still alive, is killed at once
     * (an orphan must not keep working), then the run is finalized. Returns the run as it now is.
     */
    public RunMeta finishOrphaned(RunMeta m, Outcome outcome, String error) {
        ProcessIdentity codex = ProcessIdentity.of(m.num(RunMeta.CODEX_PID), m.num(RunMeta.CODEX_STARTED_AT_MS));
        // No supervisor is left to stop codex gracefully: an orphan (and all it started) must not keep working.
        ProcessKiller.killNow(codex == null ? null : codex.handle().orElse(null), m.runId().value());
        RunMeta done = finishWithout(m.runId(), outcome, error);
        return done != null ? done : store.read(m.runId());
    }

    /** A run that ended without a result of its own: killed, timed out, lost. */
    public RunMeta finishWithout(RunId runId, Outcome outcome, String error) {
        return finish(runId, m -> m.setOutcome(outcome, error));
    }
}
