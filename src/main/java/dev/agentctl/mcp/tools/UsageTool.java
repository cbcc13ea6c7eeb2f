package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.UsageQuery;
import dev.agentctl.usage.UsageReport;
import java.util.Locale;

/** usage: what `agentctl usage --json` reports. */
final class UsageTool extends AgentctlTool {
    UsageTool(Services services) {
        super(services, "usage", "Token usage (input, cached input, output, reasoning) per run, or added up per project, "
                + "profile, group or day (UTC), with the total; with config.json prices, an estimated cost in dollars.",
                Schema.object()
                        .string("since", "Only runs created in the last this long: seconds, or 90s, 30m, 24h (default: all runs).", false)
                        .choice("by", "Add up per project, profile, group or day instead of one row per run.", UsageReport.GROUPINGS, false)
                        .build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        String by = args.choice("by", UsageReport.GROUPINGS);
        Long since = durationSeconds(args, "since");
        UsageReport report = new UsageQuery(services.runs(), services.config(), services::warn).report(new UsageQuery.Params(since, by));
        JsonObject o = report.json();
        UsageReport.Row t = report.total();
        return ToolResult.ok(o, report.rows().size() + " " + (by == null ? "run" : by) + " row(s); total " + t.runs + " run(s): "
                + t.input + " input (" + t.cachedInput + " cached), " + t.output + " output tokens"
                + (t.cost == null ? "" : String.format(Locale.ROOT, ", est. $%.4f", t.cost))
                + (t.cost == null || t.unpriced == 0 ? "" : " (" + t.unpriced + " run(s) with an unpriced model not in it)"));
    }
}
