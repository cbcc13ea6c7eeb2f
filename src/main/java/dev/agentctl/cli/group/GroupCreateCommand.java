package dev.agentctl.cli.group;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.workspace.GroupStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create a group, or change the settings given of an existing one.",
        footer = {"", "Example:", "  agentctl group create refactor --description 'split the parser' --priority P1 --max-runs 40"})
public final class GroupCreateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the group is for.")
    String description;

    @Option(names = "--priority", paramLabel = "P", description = "P0 (highest) to P3.")
    String priority;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "At most N of its runs at a time (0: no cap of its own).")
    Integer maxConcurrent;

    @Option(names = "--max-runs", paramLabel = "N", description = "At most N runs in all (default: config max_runs_per_group).")
    Integer maxRuns;

    @Override
    protected int execute() {
        if (maxConcurrent != null && maxConcurrent < 0) throw AgentctlException.usage("--max-concurrent must be 0 or more, not " + maxConcurrent);
        if (maxRuns != null && maxRuns < 0) throw AgentctlException.usage("--max-runs must be 0 or more, not " + maxRuns);
        GroupStore.Saved s = new GroupStore(workspace()).create(name, description, priority, maxConcurrent, maxRuns);
        io().out().println((s.updated() ? "updated group " : "created group ") + s.group().name());
        return 0;
    }
}
