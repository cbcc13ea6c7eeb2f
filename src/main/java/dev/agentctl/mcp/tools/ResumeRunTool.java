package dev.agentctl.mcp.tools;

import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.ResumeRun;

/** resume_run: what `agentctl resume` does. */
final class ResumeRunTool extends AgentctlTool {
    ResumeRunTool(Services services) {
        super(services, "resume_run", "Continue a finished run's codex thread in a new run (mode resume, parent_run_id "
                + "set), e.g. with its followup_prompt. Returns the new run id at once.", Schema.object()
                .string("run_id", "The finished run whose thread continues.", true)
                .string("prompt", "What the agent should do next.", true)
                .string("profile", "Profile (default: the parent's).", false)
                .string("title", "Title (default: the parent's, marked resumed).", false)
                .string("timeout", "Stop the run after this long: seconds, or 90s, 30m, 2h.", false)
                .bool("no_tmux", "Run detached instead of in a tmux pane.")
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        String parent = args.requiredString("run_id");
        String prompt = args.requiredString("prompt");
        String id = new ResumeRun(services.runs(), services.reconciler(), services.config(), services.io()).resume(
                new ResumeRun.Params(parent, args.string("profile"), args.string("title"), () -> prompt,
                        durationSeconds(args, "timeout"), args.bool("no_tmux", false)));
        return StartRunTool.started(services.runs().read(id), null);
    }
}
