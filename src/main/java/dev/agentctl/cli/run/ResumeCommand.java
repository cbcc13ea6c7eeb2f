package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
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
        RunMeta parent = reconciler().reconcile(runs().read(parentRunId));
        Long timeoutS = run.timeoutSeconds(config);
        RunRequest req = RunRequest.resume(parent, config, run.profile, run.title, null, timeoutS, run.noTmux).withQueue(run.queue());
        byte[] prompt = run.prompt(io());
        String id = new RunStarter(runs(), config, io(), this::notifier).start(req.withPrompt(prompt));
        io().out().println(id);
        return 0;
    }
}
