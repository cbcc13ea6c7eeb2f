package dev.agentctl.cli.project;

import dev.agentctl.cli.BaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove-project", description = "Forget a registered project (its files and runs are untouched).",
        footer = {"", "Example:", "  agentctl remove-project myapp"})
public final class RemoveProjectCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected int execute() {
        projects().remove(name);
        io().out().println("removed project " + name);
        return 0;
    }
}
