package dev.agentctl.supervisor;

import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import java.time.Duration;
import java.time.Instant;
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
    public RunMeta finish(String runId, Consumer<RunMeta> result) {
        return store.locked(runId, () -> {
            RunMeta m = store.read(runId);
            if (m.isFinished()) return null;
            result.accept(m);
            String ended = RunMeta.now();
            m.put("status", RunStatus.FINISHED);
            m.put("ended_at", ended);
            m.put("stalled", false);
            String from = m.str("started_at") != null ? m.str("started_at") : m.createdAt();
            if (from != null) {
                long ms = Duration.between(Instant.parse(from), Instant.parse(ended)).toMillis();
                m.put("duration_s", Math.round(ms / 100.0) / 10.0);
            }
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
    private void forgetCallerEnvironment(String runId) {
        try {
            java.nio.file.Files.deleteIfExists(store.dir(runId).resolve(CallerEnvironment.FILE));
        } catch (java.io.IOException ignored) {
            // the directory is private (0700); a leftover is harmless to others
        }
    }

    /** A run that ended without a result of its own: killed, timed out, lost. */
    public RunMeta finishWithout(String runId, String outcome, String error) {
        return finish(runId, m -> {
            m.put("outcome", outcome);
            m.put("error", error);
            if (RunStatus.KILLED.equals(outcome)) m.put("kill_reason", error);
        });
    }
}
