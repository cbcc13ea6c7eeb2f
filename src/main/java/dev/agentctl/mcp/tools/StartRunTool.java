package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.StartRun;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** start_run: what `agentctl start` does, with the prompt as an argument. */
final class StartRunTool extends AgentctlTool {
    static final List<String> ISOLATIONS = List.of(Config.ISOLATION_WORKTREE, Config.ISOLATION_SHARED);

    StartRunTool(Services services) {
        super(services, "start_run", "Start an agent run (codex, or Claude Code with agent=claude) (in a tmux pane, or detached) and return its run id at once, "
                + "running or queued (when a max_concurrent cap is reached, or it waits for runs named in after); it never "
                + "waits for the agent. Follow with wait_runs. A refusal by a limit (max_depth, spawn_rules, max_runs, no_queue) "
                + "is an error naming the limit.", Schema.object()
                .string("prompt", "The task for the agent.", true)
                .string("project", "A registered project name or a directory (default: the server's working directory).", false)
                .string("profile", "Profile from config.json (default: the project's, else spark).", false)
                .string("title", "A short title for lists and notifications.", false)
                .string("group", "Put the run in this group (created on first use; default: the starting run's group).", false)
                .string("timeout", "Stop the run after this long: seconds, or 90s, 30m, 2h (default: config default_timeout).", false)
                .choice("isolation", "worktree (a worktree and branch of its own) or shared (the project's checkout); "
                        + "default: the project's, else config isolation.", ISOLATIONS, false)
                .string("base", "With worktree isolation: start clean from this commit or branch.", false)
                .strings("after", "Stay queued until these runs have finished; if one did not succeed, end failed without starting.", false)
                .bool("after_any", "With after: start once they have finished, whatever their outcome.")
                .string("queue_timeout", "End timed_out if the run has not started this long after it was created.", false)
                .bool("no_queue", "Refuse instead of queueing when a cap is reached.")
                .string("model", "Model, overriding the profile's.", false)
                .choice("sandbox", "Sandbox, overriding the profile's.", Profile.SANDBOXES, false)
                .choice("agent", "The agent CLI to run, overriding the profile's (default codex).", Profile.AGENTS, false)
                .bool("no_tmux", "Run detached instead of in a tmux pane.")
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        String prompt = args.requiredString("prompt");
        RunId id = start(args, prompt, args.string("title"), args.string("profile"), args.string("group"), null);
        return started(services.runs().read(id));
    }

    /** Also deploy_headless_agent's: the same arguments, with title, profile, group and parent decided by the caller. */
    RunId start(ToolArgs args, String prompt, String title, String profile, String group, RunId parentRunId) {
        args.choice("sandbox", Profile.SANDBOXES);
        String isolation = args.choice("isolation", ISOLATIONS);
        String agent = args.choice("agent", Profile.AGENTS);
        return new StartRun(services.runs(), services.config(), services.projects(), services.io(), services::notifier)
                .start(new StartRun.Params(args.string("project"), profile, title, () -> prompt.getBytes(StandardCharsets.UTF_8),
                        args.string("model"), args.string("sandbox"), null, durationSeconds(args, "timeout"),
                        args.bool("no_tmux", false), null, isolation, args.string("base"), queue(args, group), parentRunId, null,
                        agent));
    }

    static QueueOptions queue(ToolArgs args, String group) {
        List<RunId> after = args.strings("after").stream().map(RunId::of).toList();
        if (args.bool("after_any", false) && after.isEmpty()) {
            throw new dev.agentctl.mcp.BadArgument("argument 'after_any' needs 'after' (the runs to wait for).");
        }
        return new QueueOptions(group, after.stream().distinct().toList(), args.bool("after_any", false),
                durationSeconds(args, "queue_timeout"), args.bool("no_queue", false));
    }

    /** What start_run, resume_run and deploy_headless_agent answer: the new run and whether it runs or waits. */
    static ToolResult started(RunMeta m) {
        JsonObject o = new JsonObject();
        o.addProperty("run_id", m.runId().value());
        o.addProperty("status", m.status());
        o.add("project", Json.of(m.project()));
        o.add("profile", Json.of(m.profile()));
        o.add("group", Json.of(m.group()));
        o.add("isolation", Json.of(m.str(RunMeta.ISOLATION)));
        o.add("branch", Json.of(m.branch()));
        o.add("parent_run_id", Json.of(RunId.string(m.parentRunId())));
        o.add("spawned_by", Json.of(RunId.string(m.spawnedBy())));
        o.addProperty("depth", m.depth());
        return ToolResult.ok(o, "started " + m.runId() + " (" + m.status() + ")");
    }
}
