package dev.agentctl.mcp.tools;

import dev.agentctl.lifecycle.StatusReport;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;

/** status: what `agentctl status --json` reports. */
final class StatusTool extends AgentctlTool {
    StatusTool(Services services) {
        super(services, "status", "Running and queued runs against each cap (all runs, per project, per group), the oldest "
                + "queued run and why it waits, stalled runs and the last violations.", Schema.object().build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        var report = StatusReport.build(services.runs(), services.config());
        return ToolResult.ok(report, StatusReport.text(report));
    }
}
