package dev.agentctl.cli.group;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.GroupReport;
import dev.agentctl.ops.GroupReports;
import dev.agentctl.ops.RunList;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Violations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {"A group: description, priority, runs by status and outcome, the tree of runs started by runs,",
        "stalled runs, violations and tokens used."},
        footer = {"", "Examples:", "  agentctl group show refactor", "  agentctl group show refactor --json | jq .by_outcome"})
public final class GroupShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--json", description = "Print the report as a JSON object.")
    boolean json;

    @Override
    protected int execute() {
        RunList runList = new RunList(runs(), reconciler(), queue(), this::warn);
        var report = new GroupReports(new GroupStore(workspace()), new Violations(workspace()), config(), runList).show(name);
        io().out().print(json ? Json.pretty(report) + "\n" : GroupReport.text(report));
        return 0;
    }
}
