package dev.agentctl.cli.group;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.GroupReport;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunQuery;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Group;
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
        Group g = new GroupStore(workspace()).require(name);
        var runs = reconciler().reconcileAll(new RunIndex(runs(), dev.agentctl.cli.run.RunTable.FIELDS)
                .runs(new RunQuery(null, null, g.name(), null), w -> io().err().println("agentctl: warning: " + w)));
        var report = GroupReport.build(g, config().maxRunsPerGroup(), runs, new Violations(workspace()).all());
        io().out().print(json ? Json.pretty(report) + "\n" : GroupReport.text(report));
        return 0;
    }
}
