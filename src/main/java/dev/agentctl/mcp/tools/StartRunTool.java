package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.BadArgument;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.StartRun;
import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Profile;

/** start_run: what `agentctl start` does, with the prompt as an argument. */
final class StartRunTool extends AgentctlTool {
    StartRunTool(Services services) {
        super(services, "start_run", "Start a codex run (in a tmux pane, or detached) and return its run id at once; "
                + "it never waits for codex. Follow with wait_runs.", Schema.object()
                .string("prompt", "The task for the agent.", true)
                .string("project", "A registered project name or a directory (default: the server's working directory).", false)
                .string("profile", "Profile from config.json (default: the project's, else spark).", false)
                .string("title", "A short title for lists and notifications.", false)
                .string("group", "A group id (from group_create) the run joins.", false)
                .string("timeout", "Stop the run after this long: seconds, or 90s, 30m, 2h (default: config default_timeout).", false)
                .string("isolation", "Working-copy isolation (not available yet in this agentctl; leave out).", false)
                .strings("after", "Run ids to wait for before starting (not available yet in this agentctl; leave out).", false)
                .string("model", "Model, overriding the profile's.", false)
                .choice("sandbox", "Sandbox, overriding the profile's.", Profile.SANDBOXES, false)
                .bool("no_tmux", "Run detached instead of in a tmux pane.")
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        String prompt = args.requiredString("prompt");
        notAvailable(args, "isolation", "worktree isolation");
        notAvailable(args, "after", "the run queue");
        String group = args.string("group");
        if (group != null) services.groups().read(group); // an unknown group is refused before anything starts
        String id = start(args, prompt, args.string("title"), args.string("profile"), null);
        if (group != null) services.groups().addRun(group, id);
        return started(services.runs().read(id), group);
    }

    String start(ToolArgs args, String prompt, String title, String profile, String parentRunId) {
        return new StartRun(services.runs(), services.config(), services.projects(), services.io()).start(new StartRun.Params(
                args.string("project"), profile, title, () -> prompt, args.string("model"), args.string("sandbox"), null,
                durationSeconds(args, "timeout"), args.bool("no_tmux", false), null, parentRunId));
    }

    static ToolResult started(RunMeta m, String group) {
        JsonObject o = new JsonObject();
        o.addProperty("run_id", m.runId());
        o.addProperty("status", m.status());
        o.addProperty("project", m.project());
        o.addProperty("profile", m.profile());
        o.addProperty("parent_run_id", m.str("parent_run_id"));
        o.addProperty("group", group);
        return ToolResult.ok(o, "started " + m.runId() + " (" + m.status() + ")");
    }

    private static void notAvailable(ToolArgs args, String name, String feature) {
        if (args.has(name)) {
            throw new BadArgument("argument '" + name + "' is not supported yet: this agentctl has no " + feature + ".");
        }
    }
}
