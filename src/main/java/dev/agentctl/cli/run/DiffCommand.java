package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.RunDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {"Print a run's own change as a patch: a worktree run's branch from where it started,",
        "a shared run's project between its start and end snapshots (a run still going: up to now)."},
        footer = {"", "Examples:", "  agentctl diff $id | less", "  agentctl diff $id --stat"})
public final class DiffCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--stat", description = "A diffstat instead of the patch.")
    boolean stat;

    @Override
    protected int execute() {
        io().out().print(new RunDiff(runs()).diff(runId(runId), stat));
        io().out().flush();
        return 0;
    }
}
