package dev.agentctl.cli.group;

import com.google.gson.JsonObject;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.StatusReport;
import dev.agentctl.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "groups", description = "List the groups: priority, runs so far and the most allowed, running and queued now.",
        footer = {"", "Examples:", "  agentctl groups", "  agentctl groups --json | jq -r '.[].name'"})
public final class GroupsCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    protected int execute() {
        var groups = StatusReport.groups(runs(), config());
        if (json) {
            io().out().println(Json.pretty(groups));
            return 0;
        }
        StringBuilder t = new StringBuilder();
        for (var e : groups) {
            JsonObject g = e.getAsJsonObject();
            t.append(Json.string(g, "name")).append('\t').append(g.get("priority").isJsonNull() ? "-" : Json.string(g, "priority"))
                    .append("\truns=").append(g.get("runs")).append('/').append(g.get("max_runs"))
                    .append("\trunning=").append(g.get("running")).append("\tqueued=").append(g.get("queued"))
                    .append('\t').append(g.get("description").isJsonNull() ? "" : Json.string(g, "description")).append('\n');
        }
        io().out().print(t);
        return 0;
    }
}
