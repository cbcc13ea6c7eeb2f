package dev.agentctl.cli;

import dev.agentctl.base.ExitCodes;

import picocli.CommandLine;

/** The top-level command: global options only; each subcommand is added by Main when needed. */
@CommandLine.Command(name = "agentctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs OpenAI Codex CLI agents in parallel, each in its own tmux pane, and hands back structured results.",
        footer = {"", "Example:", "  echo 'Add a --verbose flag' | agentctl start --project myapp --title verbose",
                "  agentctl wait 20260215-143022-ab12cd", ExitCodes.HELP_FOOTER},
        synopsisSubcommandLabel = "COMMAND")
public final class AgentctlCommand implements Runnable {
    @CommandLine.Option(names = "--home", paramLabel = "DIR",
            description = "Workspace directory (default: $AI_ORCH_HOME, else ~/.ai-orch).")
    String home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
