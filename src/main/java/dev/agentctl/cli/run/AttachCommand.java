package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.PaneFinder;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "attach", description = {"Show a run's pane: inside tmux, switch this client to it; outside, attach to its",
        "session with that pane selected. A run without a pane (detached, or its pane closed): use `agentctl logs`."},
        footer = {"", "Example:", "  agentctl attach 20260215-143022-ab12cd"})
public final class AttachCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Override
    protected int execute() {
        RunId id = runId(runId); // a reference (id, unique prefix, last, @) resolved once, here
        PaneFinder panes = new PaneFinder(config(), io().env());
        RunMeta m = reconciler().reconcile(runs().read(id));
        if (m.isWaitingInQueue()) {
            throw AgentctlException.failed("run " + id + " is waiting in the queue" + (m.queuedReason() == null ? ""
                    : " (" + m.queuedReason() + ")") + " and has no pane yet; follow it with: agentctl logs -f " + id);
        }
        String pane = panes.paneOf(m);
        if (pane == null) {
            throw AgentctlException.failed("run " + id + " has no pane to show (detached, or its pane is closed); "
                    + "read its progress with: agentctl logs " + id);
        }
        return panes.show(pane, io().env().get("TMUX"));
    }
}
