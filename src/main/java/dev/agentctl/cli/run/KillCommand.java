package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.supervisor.StopRequest;
import dev.agentctl.waiter.Waiter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kill", description = {"Stop running runs: codex and the commands it started get SIGINT, then SIGTERM, then SIGKILL.",
        "The run is finalized as killed with the reason, and notified. A finished run is left as it is."},
        footer = {"", "Example:", "  agentctl kill 20260215-143022-ab12cd --reason 'wrong branch'"})
public final class KillCommand extends BaseCommand {
    /** The supervisor needs the interrupt and terminate grace periods, plus a little. */
    private static final Duration SUPERVISOR_GRACE = Duration.ofSeconds(15);

    @Parameters(arity = "1..*", paramLabel = "RUN_ID")
    List<String> runIds;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in meta as error and kill_reason).")
    String reason = "killed by user";

    @Override
    protected int execute() throws IOException {
        // Unknown or ambiguous ids: exit 2 before anything is touched.
        List<String> ids = dev.agentctl.run.RunRef.resolveAll(runs(), runIds);
        List<String> asked = new ArrayList<>();
        for (String id : ids) {
            RunMeta m = reconciler().reconcile(runs().read(id));
            if (m.isFinished()) {
                io().out().println(id + ": already finished (" + m.outcome() + "); nothing changed");
                continue;
            }
            new StopRequest(RunStatus.KILLED, reason).writeTo(runs().dir(id));
            asked.add(id);
        }
        if (asked.isEmpty()) return 0;
        // The supervisor acts on the request; if it does not (gone, or never started), finish the job here.
        Waiter.Result r = new Waiter(runs(), reconciler(), Duration.ofSeconds(1)).await(asked, false, SUPERVISOR_GRACE);
        for (RunMeta m : r.runs()) {
            RunMeta done = m;
            if (!m.isFinished()) {
                ProcessIdentity codex = ProcessIdentity.of(m.num("codex_pid"), m.num("codex_started_at_ms"));
                if (codex != null) codex.handle().ifPresent(ProcessKiller::killNow);
                RunMeta f = finalizer().finishWithout(m.runId(), RunStatus.KILLED, reason);
                done = f != null ? f : runs().read(m.runId());
            }
            io().out().println(done.runId() + ": " + done.outcome());
        }
        return 0;
    }
}
