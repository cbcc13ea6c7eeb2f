package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.git.BranchMerge;
import dev.agentctl.lifecycle.RunDiscard;
import dev.agentctl.lifecycle.RunMerge;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import java.util.List;

/** merge_run and discard_run: what `agentctl merge` and `agentctl discard` do with a worktree run's branch. */
final class WorktreeTools {
    private WorktreeTools() {}

    static final class Merge extends AgentctlTool {
        static final List<String> MODES = List.of("commit", "squash", "no_commit");

        Merge(Services services) {
            super(services, "merge_run", "Merge a finished worktree run's branch into the project's current branch, in the "
                    + "project's checkout. Refused (nothing changed) when files the run touched have uncommitted changes "
                    + "there, or when the merge would conflict.", Schema.object()
                    .string("run_id", "The run.", true)
                    .choice("mode", "commit (a merge, or a fast-forward; default), squash (one new commit) or no_commit "
                            + "(applied to the checkout's index and files, for review).", MODES, false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            RunId runId = RunId.of(args.requiredString("run_id"));
            String mode = args.choice("mode", MODES);
            BranchMerge.Mode m = "squash".equals(mode) ? BranchMerge.Mode.SQUASH
                    : "no_commit".equals(mode) ? BranchMerge.Mode.NO_COMMIT : BranchMerge.Mode.COMMIT;
            RunMerge.Merged merged = new RunMerge(services.runs(), services.reconciler()).merge(runId, m);
            JsonObject o = new JsonObject();
            o.addProperty("run_id", runId.value());
            o.add("branch", Json.of(merged.run().branch()));
            o.add("into", Json.of(merged.into()));
            o.add("commit", Json.of(merged.result().commit()));
            o.addProperty("fast_forward", merged.result().fastForward());
            com.google.gson.JsonArray files = new com.google.gson.JsonArray();
            merged.result().files().forEach(files::add);
            o.add("files", files);
            String text = merged.result().commit() == null
                    ? "applied " + merged.run().branch() + " to " + merged.run().projectDir() + ", not committed"
                    : "merged " + merged.run().branch() + " into " + merged.into() + ": " + merged.result().commit();
            return ToolResult.ok(o, text);
        }
    }

    static final class Discard extends AgentctlTool {
        Discard(Services services) {
            super(services, "discard_run", "Remove a finished worktree run's worktree and delete its branch. Refused without "
                    + "force while the branch has commits no other branch has (or the worktree uncommitted changes).",
                    Schema.object()
                    .string("run_id", "The run.", true)
                    .bool("force", "Discard even work that is nowhere else.")
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            RunMeta m = new RunDiscard(services.runs(), services.reconciler()).discard(RunId.of(args.requiredString("run_id")),
                    args.bool("force", false));
            JsonObject o = new JsonObject();
            o.addProperty("run_id", m.runId().value());
            o.add("worktree", Json.of(m.worktree()));
            o.add("branch", Json.of(m.branch()));
            return ToolResult.ok(o, "discarded " + m.runId() + ": removed " + m.worktree() + " and branch " + m.branch());
        }
    }
}
