package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.ActiveRuns;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "reconcile", description = "Check every queued or running run and mark those whose supervisor is gone as lost; print what changed; start queued runs that may run now.",
        footer = {"", "Example:", "  agentctl reconcile"})
public final class ReconcileCommand extends BaseCommand {
    @Override
    protected int execute() {
        List<RunMeta> unfinished = new ArrayList<>();
        for (String id : runs().ids()) {
            RunMeta m = runs().readQuietly(id);
            if (m == null || m.isFinished()) continue;
            RunMeta now = reconciler().reconcile(m);
            if (now.isFinished() && now.outcomeValue() == Outcome.LOST) {
                io().out().println(id + ": " + m.status() + " -> lost (" + now.str("error") + ")");
            }
            if (!now.isFinished()) unfinished.add(now);
        }
        // The scan is the truth the record of unfinished runs caches: put back what it lacks, then hand slots on.
        new ActiveRuns(runs()).addMissing(unfinished.stream().map(RunMeta::runId).toList());
        queue().promote();
        return 0;
    }
}
