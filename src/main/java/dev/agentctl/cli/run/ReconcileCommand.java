package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import picocli.CommandLine.Command;

@Command(name = "reconcile", description = "Check every queued or running run and mark those whose supervisor is gone as lost; print what changed.",
        footer = {"", "Example:", "  agentctl reconcile"})
public final class ReconcileCommand extends BaseCommand {
    @Override
    protected int execute() {
        for (String id : runs().ids()) {
            RunMeta m = runs().readQuietly(id);
            if (m == null || m.isFinished()) continue;
            RunMeta now = reconciler().reconcile(m);
            if (now.isFinished() && now.outcomeValue() == Outcome.LOST) {
                io().out().println(id + ": " + m.status() + " -> lost (" + now.str("error") + ")");
            }
        }
        return 0;
    }
}
