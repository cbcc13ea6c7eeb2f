package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.RunCounts;

/** status: how many runs are queued, running and finished (by outcome). */
final class StatusTool extends AgentctlTool {
    StatusTool(Services services) {
        super(services, "status", "Counts of runs: total, queued, running (stalled among them), finished, and finished "
                + "runs by outcome.", Schema.object().string("project", "Only runs of this project.", false).build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        String project = args.string("project");
        var runs = services.allRuns().stream().filter(m -> project == null || project.equals(m.project())).toList();
        JsonObject o = RunCounts.of(runs);
        String text = o.get("total") + " runs: " + o.get("queued") + " queued, " + o.get("running") + " running ("
                + o.get("stalled") + " stalled), " + o.get("finished") + " finished " + o.get("outcomes");
        return ToolResult.ok(o, text);
    }
}
