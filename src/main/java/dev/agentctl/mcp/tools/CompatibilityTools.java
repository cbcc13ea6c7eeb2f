package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.BadArgument;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.KillRuns;
import dev.agentctl.run.RunMeta;

/**
 * The tools of the earlier "real task" MCP orchestrators, on agentctl's groups and runs, so their users
 * switch by changing one line of config. Their answers carry {@code success} and {@code error} as before.
 */
final class CompatibilityTools {
    private CompatibilityTools() {}

    /** The earlier interface's answer: success true plus fields, or success false and the error. */
    static ToolResult answer(String what, Body body) {
        try {
            JsonObject o = body.run();
            o.addProperty("success", true);
            o.add("error", com.google.gson.JsonNull.INSTANCE);
            return ToolResult.ok(o, what + ": " + o);
        } catch (BadArgument | dev.agentctl.cli.AgentctlException e) {
            JsonObject o = new JsonObject();
            o.addProperty("success", false);
            o.addProperty("error", e.getMessage());
            return new ToolResult(o, e.getMessage(), true);
        }
    }

    interface Body {
        JsonObject run();
    }

    static final class CreateTask extends AgentctlTool {
        CreateTask(Services services) {
            super(services, "create_real_task", "Create a task (an agentctl run group) that agents are deployed into.",
                    Schema.object()
                    .string("description", "What the task is.", true)
                    .string("priority", "Free text, e.g. high, medium, low.", false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            return answer("created task", () -> {
                String description = args.requiredString("description");
                JsonObject g = services.groups().create(firstLine(description), description, args.string("priority"));
                JsonObject o = new JsonObject();
                o.addProperty("task_id", g.get("group_id").getAsString());
                o.addProperty("description", description);
                o.addProperty("priority", args.string("priority"));
                return o;
            });
        }

        private static String firstLine(String s) {
            String line = s.strip().split("\\R", 2)[0];
            return line.length() > 60 ? line.substring(0, 60) : line;
        }
    }

    static final class DeployAgent extends AgentctlTool {
        private final StartRunTool starter;

        DeployAgent(Services services) {
            super(services, "deploy_headless_agent", "Start an agent (an agentctl run) in a task: agent_type is its title, "
                    + "and its profile when a profile of that name exists; parent is the run that spawned it.",
                    Schema.object()
                    .string("task_id", "The task (group) id.", true)
                    .string("agent_type", "The kind of agent, e.g. investigator, fixer.", true)
                    .string("prompt", "The agent's task.", true)
                    .string("parent", "The run id of the agent that spawns this one (default: the run this server runs in).", false)
                    .build(), false);
            this.starter = new StartRunTool(services);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            return answer("deployed agent", () -> {
                String task = args.requiredString("task_id");
                String type = args.requiredString("agent_type");
                String prompt = args.requiredString("prompt");
                services.groups().read(task);
                String profile = services.config().profiles().containsKey(type) ? type : null;
                String id = starter.start(args, prompt, type, profile, args.string("parent"));
                services.groups().addRun(task, id);
                RunMeta m = services.runs().read(id);
                JsonObject o = new JsonObject();
                o.addProperty("agent_id", id);
                o.addProperty("task_id", task);
                o.addProperty("agent_type", type);
                o.addProperty("status", m.status());
                o.addProperty("parent", m.str("parent_run_id"));
                return o;
            });
        }
    }

    static final class TaskStatus extends AgentctlTool {
        TaskStatus(Services services) {
            super(services, "get_real_task_status", "A task's agents: active and completed counts, the parent/child "
                    + "hierarchy, and the spiral status.", Schema.object().string("task_id", "The task (group) id.", true).build(),
                    true);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            return answer("task status", () -> status(services, args.requiredString("task_id")));
        }

        /** Also the task://{task_id}/status resource. */
        static JsonObject status(Services services, String taskId) {
            JsonObject o = GroupView.of(services, taskId);
            o.addProperty("task_id", taskId);
            JsonObject spiral = new JsonObject();
            // Depth and spawn limits (and so their violations) are not part of this agentctl yet: say so, not "ok".
            spiral.addProperty("checked", false);
            spiral.addProperty("reason", "depth and spawn limits are not enforced by this agentctl yet");
            spiral.add("violations", new com.google.gson.JsonArray());
            o.add("spiral_status", spiral);
            return o;
        }
    }

    static final class KillAgent extends AgentctlTool {
        KillAgent(Services services) {
            super(services, "kill_real_agent", "Stop an agent (run) of a task, as kill_run does.", Schema.object()
                    .string("task_id", "The task (group) id.", true)
                    .string("agent_id", "The agent's run id.", true)
                    .string("reason", "Why.", false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            return answer("killed agent", () -> {
                String task = args.requiredString("task_id");
                String agent = args.requiredString("agent_id");
                if (!services.groups().runIds(task).contains(agent)) {
                    throw new BadArgument("argument 'agent_id': run " + agent + " is not an agent of task " + task + ".");
                }
                String reason = args.string("reason");
                KillRuns.Killed k = KillRunTool.kill(services, agent, reason == null ? KillRunTool.DEFAULT_REASON : reason);
                JsonObject o = new JsonObject();
                o.addProperty("agent_id", agent);
                o.addProperty("task_id", task);
                o.addProperty("outcome", k.meta().outcome());
                o.addProperty("already_finished", k.alreadyFinished());
                return o;
            });
        }
    }
}
