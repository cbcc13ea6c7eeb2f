package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.Escalation;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import java.util.Map;

/**
 * What a supervisor does once its run is final: the result goes on screen, the queue starts what may run now
 * (a message sent to this run among them), and the pane is left to tmux (closed after pane_linger) so that no
 * JVM stays behind while a person reads the result.
 */
final class AfterFinish {
    private final RunStore store;
    private final Config config;
    private final PaneReport pane;
    private final Notifier notifier;
    private final RunFinalizer finalizer;
    private final Map<String, String> ownEnv;
    private boolean slotHandedOn;

    AfterFinish(RunStore store, Config config, PaneReport pane, Notifier notifier, RunFinalizer finalizer,
            Map<String, String> ownEnv) {
        this.store = store;
        this.config = config;
        this.pane = pane;
        this.notifier = notifier;
        this.finalizer = finalizer;
        this.ownEnv = ownEnv;
    }

    /** @param runDirGone the run's directory was deleted mid-run: nothing to show; callerEnv for an escalated run */
    void run(RunId runId, String paneId, boolean runDirGone, Map<String, String> callerEnv) {
        RunMeta m = runDirGone ? null : store.readQuietly(runId);
        if (m != null && m.isFinished()) {
            pane.result(m);
            pane.showState(paneId, m);
        }
        handOnSlot(runId, callerEnv);
        pane.closeLater(paneId, config.paneLingerSeconds());
    }

    /** This run's slot is free: start the queued runs that may run now (there is no daemon to do it). */
    private void handOnSlot(RunId runId, Map<String, String> callerEnv) {
        if (slotHandedOn) return;
        slotHandedOn = true;
        try {
            // A batch task that asked for it is resumed with a deeper profile before its dependents are looked at.
            new Escalation(store, config, callerEnv, () -> notifier).afterFinish(runId, System.err);
        } catch (RuntimeException e) {
            pane.note("could not escalate: " + e.getMessage());
        }
        try {
            new Queue(store, config, () -> finalizer, ownEnv).promote();
        } catch (RuntimeException e) {
            // The next start, wait, list or reconcile promotes them instead.
            pane.note("could not start queued runs: " + e.getMessage());
        }
    }
}
