package dev.agentctl.cli.workspace;

import dev.agentctl.cli.AgentctlCommand;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.CommandRegistry;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {"Print a shell completion script for agentctl's commands and options.",
        "zsh uses the same script through bashcompinit."},
        footer = {"", "Examples:", "  source <(agentctl completion bash)                # this shell only",
                "  agentctl completion bash > ~/.local/share/bash-completion/completions/agentctl",
                "  agentctl completion zsh > ~/.zfunc/agentctl.zsh && echo 'source ~/.zfunc/agentctl.zsh' >> ~/.zshrc"})
public final class CompletionCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "bash|zsh")
    String shell;

    @Override
    protected int execute() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw AgentctlException.usage("completion: unknown shell '" + shell + "' (bash or zsh)");
        }
        CommandLine all = new CommandLine(new AgentctlCommand());
        CommandRegistry.addSubcommands(all, null, io());
        // One script for both: picocli's checks $ZSH_VERSION and then loads zsh's bash compatibility (bashcompinit).
        io().out().print(AutoComplete.bash("agentctl", all));
        return 0;
    }
}
