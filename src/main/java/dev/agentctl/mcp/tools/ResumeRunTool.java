package dev.agentctl.mcp.tools;

import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.ResumeRun;
import dev.agentctl.run.RunId;
import java.nio.charset.StandardCharsets;

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
                .strings("after", "Stay queued until these runs have finished (as start_run).", false)
                .bool("after_any", "With after: start once they have finished, whatever their outcome.")
                .string("queue_timeout", "End timed_out if the run has not started this long after it was created.", false)
                .bool("no_queue", "Refuse instead of queueing when a cap is reached.")
                .string("group", "Put the run in this group.", false)
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        RunId parent = RunId.of(args.requiredString("run_id"));
        String prompt = args.requiredString("prompt");
        RunId id = new ResumeRun(services.runs(), services.reconciler(), services.config(), services.io(), services::notifier)
                .resume(new ResumeRun.Params(parent, args.string("profile"), args.string("title"),
                        () -> prompt.getBytes(StandardCharsets.UTF_8), durationSeconds(args, "timeout"), args.bool("no_tmux", false),
                        StartRunTool.queue(args, args.string("group")), null));
        return StartRunTool.started(services.runs().read(id));
    }
}
