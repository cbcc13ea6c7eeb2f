package dev.agentctl.cli.run;

import dev.agentctl.base.TerminalText;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunIndex;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "reconcile", description = "Check every queued or running run and mark those whose supervisor is gone as lost (and those a stopped supervisor let run past their deadline as timed_out); print what changed; start queued runs that may run now.",
        footer = {"", "Example:", "  agentctl reconcile"})
public final class ReconcileCommand extends BaseCommand {
    @Override
    protected int execute() {
        List<RunMeta> unfinished = new ArrayList<>();
        var reconciler = reconciler();
        // Unreadable or inconsistent metas are skipped with a warning, never acted on. The run index
        // names every run directory it holds no finished entry for: no finished run's meta is read.
        for (RunMeta m : new RunIndex(runs(), RunTable.FIELDS).unfinished(this::warn)) {
            RunId id = m.runId();
            RunMeta now = reconciler.reconcile(m);
            if (now.isFinished()) {
                io().out().println(id + ": " + m.status() + " -> " + now.outcome() + " (" + TerminalText.field(now.str("error")) + ")");
            }
            if (!now.isFinished()) unfinished.add(now);
        }
        // The scan is the truth the record of unfinished runs caches: put back what it lacks, then hand slots on.
        new ActiveRuns(runs()).addMissing(unfinished.stream().map(RunMeta::runId).toList());
        queue().promote();
        return 0;
    }
}
