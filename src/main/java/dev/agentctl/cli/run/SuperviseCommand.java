package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.supervisor.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Internal: what runs in a run's pane. Not for users, hence hidden. */
@Command(name = "supervise", hidden = true, description = "Internal: supervise one run (started by start/resume).")
public final class SuperviseCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Override
    protected int execute() throws Exception {
        return new Supervisor(runs(), config(), notifier(), io().out(), io().env()).run(runId);
    }
}
