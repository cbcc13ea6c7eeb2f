package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.RunDiscard;
import dev.agentctl.run.RunMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "discard", description = {"Remove a finished worktree run's worktree and delete its branch.",
        "Refused without --force while the branch has commits no other branch has (or the worktree uncommitted changes)."},
        footer = {"", "Example:", "  agentctl discard $id"})
public final class DiscardCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--force", description = "Discard even work that is nowhere else.")
    boolean force;

    @Override
    protected int execute() {
        RunMeta m = new RunDiscard(runs(), reconciler()).discard(runId(runId), force);
        io().out().println("discarded " + m.runId() + ": removed " + m.worktree() + " and branch " + m.branch());
        return 0;
    }
}
