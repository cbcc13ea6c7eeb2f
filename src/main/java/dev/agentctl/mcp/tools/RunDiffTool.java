package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.lifecycle.RunDiff;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;

/** run_diff: what `agentctl diff` does, the stat and the patch together. */
final class RunDiffTool extends AgentctlTool {
    /** A patch larger than this is cut, and says so: a client's context is not the place for megabytes. */
    static final int MAX_PATCH_CHARS = 200_000;

    RunDiffTool(Services services) {
        super(services, "run_diff", "A run's own change, as agentctl diff prints it: a worktree run's branch from where it "
                + "started, a shared run's project between its start and end snapshots (a run still going: up to now).",
                Schema.object()
                .string("run_id", "The run.", true)
                .bool("stat", "Only the diffstat, not the patch.")
                .build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        RunId runId = RunId.of(args.requiredString("run_id"));
        services.show(runId); // a run whose supervisor is gone is settled first, as show does
        RunDiff diff = new RunDiff(services.runs());
        String stat = diff.diff(runId, true);
        String patch = args.bool("stat", false) ? null : diff.diff(runId, false);
        boolean truncated = patch != null && patch.length() > MAX_PATCH_CHARS;
        if (truncated) patch = patch.substring(0, MAX_PATCH_CHARS);
        JsonObject o = new JsonObject();
        o.addProperty("run_id", runId.value());
        o.addProperty("stat", stat);
        o.addProperty("patch", patch);
        o.addProperty("truncated", truncated);
        String text = patch == null ? stat : stat + "\n" + patch + (truncated ? "\n[patch cut at " + MAX_PATCH_CHARS + " characters]" : "");
        return ToolResult.ok(o, text.isBlank() ? "no changes" : text);
    }
}
