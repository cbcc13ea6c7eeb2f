package dev.agentctl.mcp.tools;

import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;

/** show_run: what `agentctl show` does. */
final class ShowRunTool extends AgentctlTool {
    ShowRunTool(Services services) {
        super(services, "show_run", "A run's meta (status, outcome, summary, followup_prompt, git_diff_stat, usage, ...). "
                + "A run whose supervisor is gone is marked lost first.",
                Schema.object().string("run_id", "The run.", true).build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        RunMeta m = services.show(RunId.of(args.requiredString("run_id")));
        String summary = m.summary() == null ? "" : "\n" + m.summary();
        return ToolResult.ok(m.json(), line(m) + summary);
    }
}
