package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.ops.ResumeRun;
import dev.agentctl.run.RunId;
import dev.agentctl.workspace.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resume", description = {"Continue a finished run's codex thread or Claude session in a new run (mode resume) and print the new run id.",
        "A worktree run continues in the same worktree and branch (recreated from the branch if it was removed).",
        "The prompt comes from stdin unless --prompt-file is given."},
        footer = {"", "Example:", "  agentctl show $id | jq -r .followup_prompt | agentctl resume --parent-run-id $id --profile deep"})
public final class ResumeCommand extends BaseCommand {
    @Option(names = "--parent-run-id", required = true, paramLabel = "ID", description = "The run whose thread continues.")
    String parentRunId;

    @Mixin
    RunOptions run;

    @Override
    protected int execute() {
        Config config = config();
        RunId parentRunId = runId(this.parentRunId);
        Long timeoutS = run.timeoutSeconds(config);
        var queue = run.queue(runs());
        RunId id = new ResumeRun(runs(), reconciler(), config, io(), this::notifier).resume(new ResumeRun.Params(parentRunId,
                run.profile, run.title, () -> run.prompt(io()), timeoutS, run.noTmux, queue, run.notifyPane()));
        io().out().println(id);
        return 0;
    }
}
