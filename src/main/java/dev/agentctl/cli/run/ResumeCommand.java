package dev.agentctl.cli.run;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.Durations;
import dev.agentctl.run.RunMeta;
import dev.agentctl.supervisor.RunRequest;
import dev.agentctl.supervisor.RunStarter;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resume", description = {"Continue a finished run's codex thread in a new run (mode resume) and print the new run id.",
        "The prompt comes from stdin unless --prompt-file is given."},
        footer = {"", "Example:", "  agentctl show $id | jq -r .followup_prompt | agentctl resume --parent-run-id $id --profile deep"})
public final class ResumeCommand extends BaseCommand {
    @Option(names = "--parent-run-id", required = true, paramLabel = "ID", description = "The run whose thread continues.")
    String parentRunId;

    @Option(names = "--profile", paramLabel = "P", description = "Profile (default: the parent's).")
    String profile;

    @Option(names = "--title", paramLabel = "T", description = "Title (default: the parent's, marked as resumed).")
    String title;

    @Option(names = "--prompt-file", paramLabel = "F", description = "Read the prompt from F instead of stdin.")
    String promptFile;

    @Option(names = "--timeout", paramLabel = "DUR", description = "Stop the run after DUR (default: config default_timeout).")
    String timeout;

    @Option(names = "--no-tmux", description = "Run the supervisor as a detached process.")
    boolean noTmux;

    @Override
    protected int execute() {
        Config config = config();
        RunMeta parent = reconciler().reconcile(runs().read(parentRunId));
        if (parent.threadId() == null) {
            throw AgentctlException.usage("run " + parentRunId + " has no thread id to resume (codex never started a thread)");
        }
        if (!parent.isFinished()) {
            throw AgentctlException.usage("run " + parentRunId + " is still " + parent.status() + "; wait for it before resuming");
        }
        Long timeoutS = timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : config.defaultTimeoutSeconds();
        Profile prof = config.profile(profile != null ? profile : parent.profile() != null ? parent.profile() : "spark");
        String dir = parent.str("project_dir");
        if (dir == null || !java.nio.file.Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parentRunId + " is missing: " + dir);
        }
        Project p = new Project(parent.project(), Paths.get(dir), null);
        String prompt = PromptInput.read(promptFile, io());
        String t = title != null ? title : parent.title() == null ? null : parent.title() + " (resumed)";
        String id = new RunStarter(runs(), config, io()).start(new RunRequest(p, prof, t, prompt, null, null, null, timeoutS,
                "resume", parentRunId, parent.threadId(), noTmux, parent.str("tmux_session")));
        io().out().println(id);
        return 0;
    }
}
