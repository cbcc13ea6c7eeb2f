package dev.agentctl.cli.run;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.supervisor.RunRequest;
import dev.agentctl.supervisor.RunStarter;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", description = {"Start an agent run (codex or Claude Code) in a new tmux pane (or detached) and print only its run id.",
        "The prompt comes from stdin unless --prompt-file is given. Never waits for the agent."},
        footer = {"", "Examples:", "  echo 'Fix the failing test in parser.py' | agentctl start --project myapp --title fix-parser",
                "  id=$(agentctl start --project . --profile deep --prompt-file task.md --timeout 30m)",
                "  for p in a b c; do echo \"lint $p\" | agentctl start --project \"$p\"; done"})
public final class StartCommand extends BaseCommand {
    @Mixin
    RunOptions run;

    @Option(names = "--project", paramLabel = "NAME|PATH", description = "A registered project or a directory (default: the current directory).")
    String project;

    @Option(names = "--model", paramLabel = "M", description = "Model, overriding the profile's.")
    String model;

    @Option(names = "--sandbox", paramLabel = "MODE", description = "read-only, workspace-write or danger-full-access, overriding the profile's.")
    String sandbox;

    @Option(names = "--agent", paramLabel = "A", description = "codex or claude, overriding the profile's (default codex).")
    String agent;

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id instead of a generated one.")
    String runId;

    @Option(names = "--tmux-session", paramLabel = "S", description = "tmux session for the run's pane (default: config tmux_session, else the current one, else 'ai').")
    String tmuxSession;

    @Override
    protected int execute() {
        Config config = config();
        if (runId != null) runs().dir(runId);
        if (sandbox != null && !Profile.SANDBOXES.contains(sandbox)) {
            throw AgentctlException.usage("--sandbox must be one of " + Profile.SANDBOXES + ", not '" + sandbox + "'");
        }
        if (agent != null && !Profile.AGENTS.contains(agent)) {
            throw AgentctlException.usage("--agent must be one of " + Profile.AGENTS + ", not '" + agent + "'");
        }
        Long timeoutS = run.timeoutSeconds(config);
        Project p = projects().resolve(project, io().cwd());
        String profileName = run.profile != null ? run.profile : p.defaultProfile() != null ? p.defaultProfile() : "spark";
        Profile prof = config.profile(profileName);
        String prompt = run.prompt(io());
        String id = new RunStarter(runs(), config, io()).start(new RunRequest(agent, p, prof, run.title, prompt, model, sandbox,
                runId, timeoutS, "exec", null, null, run.noTmux, tmuxSession));
        io().out().println(id);
        return 0;
    }
}
