package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.codex.EventLog;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;
import java.io.IOException;
import java.util.List;

/** run_logs: a run's codex events as the readable lines its pane shows. */
final class RunLogsTool extends AgentctlTool {
    static final int DEFAULT_LINES = 50;

    RunLogsTool(Services services) {
        super(services, "run_logs", "The last lines of what a run's agent did (commands, file changes, messages), "
                + "rendered from its codex events.", Schema.object()
                .string("run_id", "The run.", true)
                .integer("lines", "How many lines (default " + DEFAULT_LINES + ").", 1, false)
                .build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) throws IOException {
        RunId runId = RunId.of(args.requiredString("run_id"));
        Long n = args.integer("lines", 1);
        List<String> lines = render(services, runId, n == null ? DEFAULT_LINES : n.intValue());
        JsonArray a = new JsonArray();
        lines.forEach(a::add);
        JsonObject o = new JsonObject();
        o.addProperty("run_id", runId.value());
        o.add("lines", a);
        return ToolResult.ok(o, lines.isEmpty() ? "(no events yet)" : String.join("\n", lines));
    }

    /** The lines of one run; also the run://{run_id}/logs resource. */
    static List<String> render(Services services, RunId runId, Integer lines) throws IOException {
        services.runs().read(runId); // unknown id: named
        return EventLog.lastLines(services.runs().dir(runId).resolve("events.jsonl"), lines);
    }
}
