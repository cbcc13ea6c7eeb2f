package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** list_runs: what `agentctl list --json` does, and a group filter. */
final class ListRunsTool extends AgentctlTool {
    ListRunsTool(Services services) {
        super(services, "list_runs", "Runs, newest first, with their whole meta.", Schema.object()
                .choice("status", "A status or an outcome.", new TreeSet<>(RunQuery.STATES), false)
                .string("project", "Only runs of this project.", false)
                .string("group", "Only runs of this group.", false)
                .integer("limit", "At most this many runs.", 0, false)
                .build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        Long limit = args.integer("limit", 0);
        RunQuery query = new RunQuery(args.string("status"), args.string("project"), limit == null ? null : limit.intValue());
        String group = args.string("group");
        List<RunMeta> all = services.allRuns();
        if (group != null) {
            Set<String> members = new HashSet<>(services.groups().runIds(group));
            all = all.stream().filter(m -> members.contains(m.runId())).toList();
        }
        List<RunMeta> found = query.select(all);
        JsonObject o = new JsonObject();
        o.add("runs", metas(found));
        o.addProperty("count", found.size());
        String text = found.isEmpty() ? "no runs" : found.stream().map(AgentctlTool::line).collect(Collectors.joining("\n"));
        return ToolResult.ok(o, text);
    }
}
