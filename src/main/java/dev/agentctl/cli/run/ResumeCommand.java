package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resume", description = {"Continue a finished run's codex thread in a new run (mode resume) and print the new run id.",
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
        String parentRunId = runId(this.parentRunId);
        RunMeta parent = reconciler().reconcile(runs().read(parentRunId));
        if (parent.threadId() == null) {
            throw AgentctlException.usage("run " + parentRunId + " has no thread id to resume (codex never started a thread)");
        }
        if (!parent.isFinished()) {
            throw AgentctlException.usage("run " + parentRunId + " is still " + parent.status() + "; wait for it before resuming");
        }
        Long timeoutS = run.timeoutSeconds(config);
        run.queue();
        Profile prof = config.profile(run.profile != null ? run.profile : parent.profile() != null ? parent.profile() : Profile.DEFAULT);
        String dir = parent.projectDir();
        if (dir == null || !java.nio.file.Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parentRunId + " is missing: " + dir);
        }
        Project p = new Project(parent.project(), Paths.get(dir), null);
        byte[] prompt = run.prompt(io());
        String t = run.title != null ? run.title : parent.title() == null ? null : parent.title() + " (resumed)";
        String id = new RunStarter(runs(), config, io(), this::notifier).start(RunRequest.resume(p, prof, t, prompt, timeoutS, parent,
                run.noTmux).withQueue(run.queue(runs()))
                .withNotifyPane(run.notifyPane()));
        io().out().println(id);
        return 0;
    }
}
