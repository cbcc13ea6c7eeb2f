package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.RunList;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** list_runs: what `agentctl list --json` does. */
final class ListRunsTool extends AgentctlTool {
    ListRunsTool(Services services) {
        super(services, "list_runs", "Runs, newest first, with their whole meta (queued runs with their queue_position).",
                Schema.object()
                .choice("status", "A status (queued, running, finished) or an outcome.", new TreeSet<>(RunQuery.STATES), false)
                .string("project", "Only runs of this project.", false)
                .string("group", "Only runs of this group.", false)
                .integer("limit", "At most this many runs.", 0, false)
                .build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        Long limit = args.integer("limit", 0);
        RunQuery query = new RunQuery(args.choice("status", RunQuery.STATES), args.string("project"),
                limit == null ? null : limit.intValue());
        RunList lister = services.runList();
        RunList.Listing found = lister.list(query, args.string("group"));
        JsonArray runs = new JsonArray();
        for (RunMeta m : found.runs()) {
            JsonObject o = lister.whole(m).json();
            Integer position = found.queuePositions().get(m.runId());
            if (position != null) o.addProperty("queue_position", position);
            runs.add(o);
        }
        JsonObject o = new JsonObject();
        o.add("runs", runs);
        o.addProperty("count", found.runs().size());
        String text = found.runs().isEmpty() ? "no runs" : found.runs().stream().map(AgentctlTool::line).collect(Collectors.joining("\n"));
        return ToolResult.ok(o, text);
    }
}
