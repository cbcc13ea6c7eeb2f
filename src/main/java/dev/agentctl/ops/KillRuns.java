package dev.agentctl.ops;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.run.RunStore;
import dev.agentctl.supervisor.Reconciler;
import dev.agentctl.supervisor.RunFinalizer;
import dev.agentctl.supervisor.StopRequest;
import dev.agentctl.waiter.Waiter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The kill sequence (`kill` and the MCP kill tools): ask each run's supervisor to stop codex (SIGINT,
 * SIGTERM, SIGKILL), and finish the job here for a run whose supervisor does not act in time.
 */
public final class KillRuns {
    /** The supervisor needs the interrupt and terminate grace periods, plus a little. */
    private static final Duration SUPERVISOR_GRACE = Duration.ofSeconds(15);

    private final RunStore runs;
    private final Reconciler reconciler;
    private final Supplier<RunFinalizer> finalizer;

    public KillRuns(RunStore runs, Reconciler reconciler, Supplier<RunFinalizer> finalizer) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.finalizer = finalizer;
    }

    /** One run's end: its meta afterwards, and whether it had finished before it was asked to stop. */
    public record Killed(RunMeta meta, boolean alreadyFinished) {}

    /** Every id is checked before anything is touched (an unknown one is a usage error). In the order given. */
    public List<Killed> kill(List<String> ids, String reason) {
        ids.forEach(runs::read);
        List<Killed> out = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (String id : ids) {
            RunMeta m = reconciler.reconcile(runs.read(id));
            if (m.isFinished()) {
                out.add(new Killed(m, true));
                continue;
            }
            try {
                new StopRequest(RunStatus.KILLED, reason).writeTo(runs.dir(id));
            } catch (IOException e) {
                throw AgentctlException.failed("cannot ask run " + id + " to stop: " + e.getMessage(), e);
            }
            asked.add(id);
        }
        if (asked.isEmpty()) return out;
        // The supervisor acts on the request; if it does not (gone, or never started), finish the job here.
        Waiter.Result r = new Waiter(runs, reconciler, Duration.ofSeconds(1)).await(asked, false, SUPERVISOR_GRACE);
        for (RunMeta m : r.runs()) {
            RunMeta done = m;
            if (!m.isFinished()) {
                ProcessIdentity codex = ProcessIdentity.of(m.num("codex_pid"), m.num("codex_started_at_ms"));
                if (codex != null) codex.handle().ifPresent(ProcessKiller::killNow);
                RunMeta f = finalizer.get().finishWithout(m.runId(), RunStatus.KILLED, reason);
                done = f != null ? f : runs.read(m.runId());
            }
            out.add(new Killed(done, false));
        }
        return out;
    }
}
