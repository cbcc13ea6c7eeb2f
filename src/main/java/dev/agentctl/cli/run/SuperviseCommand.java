package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.run.RunId;
import dev.agentctl.supervisor.Supervisor;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Internal: what runs in a run's pane. Not for users, hence hidden. */
@Command(name = "supervise", hidden = true, description = "Internal: supervise one run (started by start/resume).")
public final class SuperviseCommand extends BaseCommand implements QuickCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    // A supervisor lives as long as its run: picocli's model would stay in its memory throughout.
    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT), 1, 1);
    }

    @Override
    public void applyQuick(Match m) {
        runId = m.positionals().get(0);
    }

    @Override
    protected int execute() throws Exception {
        return new Supervisor(runs(), config(), notifier(), io().out(), io().env()).run(RunId.of(runId));
    }
}
