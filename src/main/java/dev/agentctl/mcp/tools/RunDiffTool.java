package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.RunDiff;

/** run_diff: what the run changed in its project, as a patch and a stat. */
final class RunDiffTool extends AgentctlTool {
    /** A patch larger than this is cut, and says so: a client's context is not the place for megabytes. */
    static final int MAX_PATCH_CHARS = 200_000;

    RunDiffTool(Services services) {
        super(services, "run_diff", "The changes a run made to its project (git diff between the snapshots taken when it "
                + "started and when codex ended; live for a running run), or the stored stat when there are no snapshots.",
                Schema.object().string("run_id", "The run.", true).build(), true);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        RunDiff.Diff d = RunDiff.of(services.show(args.requiredString("run_id")));
        String patch = d.patch();
        boolean truncated = patch != null && patch.length() > MAX_PATCH_CHARS;
        if (truncated) patch = patch.substring(0, MAX_PATCH_CHARS);
        JsonObject o = new JsonObject();
        o.addProperty("run_id", d.runId());
        o.addProperty("source", d.source());
        o.addProperty("stat", d.stat());
        o.addProperty("patch", patch);
        o.addProperty("truncated", truncated);
        o.addProperty("from_tree", d.fromTree());
        o.addProperty("to_tree", d.toTree());
        String text = patch != null ? (d.stat() + "\n\n" + patch + (truncated ? "\n[patch cut at " + MAX_PATCH_CHARS + " characters]" : ""))
                : d.stat() != null ? d.stat() : "no diff recorded for " + d.runId();
        return ToolResult.ok(o, text.isBlank() ? "no changes" : text);
    }
}
