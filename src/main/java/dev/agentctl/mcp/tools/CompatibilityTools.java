package dev.agentctl.mcp.tools;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.mcp.BadArgument;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunState;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The tools of the earlier "real task" MCP orchestrators, on agentctl's groups and runs, so their users
 * switch by changing one line of config: a task is a group, an agent a run in it. Their answers carry
 * {@code success} and {@code error} as that interface did.
 */
final class CompatibilityTools {
    /** The earlier interface's free-text priorities, as group priorities (P0 highest). */
    static final Map<String, String> PRIORITIES = Map.of("critical", "P0", "urgent", "P0", "high", "P1", "medium", "P2",
            "normal", "P2", "low", "P3");

    private CompatibilityTools() {}

    /** The earlier interface's answer: success true plus fields, or success false and the error. */
    static ToolResult answer(String what, Body body) throws IOException {
        try {
            JsonObject o = body.run();
            o.addProperty("success", true);
            o.add("error", JsonNull.INSTANCE);
            return ToolResult.ok(o, what + ": " + Json.compact(o));
        } catch (BadArgument | AgentctlException e) {
            JsonObject o = new JsonObject();
            o.addProperty("success", false);
            o.addProperty("error", e.getMessage());
            return new ToolResult(o, e.getMessage(), true);
        }
    }

    interface Body {
        JsonObject run() throws IOException;
    }

    static final class CreateTask extends AgentctlTool {
        CreateTask(Services services) {
            super(services, "create_real_task", "Create a task (an agentctl run group) that agents are deployed into.",
                    Schema.object()
                    .string("description", "What the task is.", true)
                    .string("priority", "critical, high, medium or low (or P0 to P3); default none.", false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) throws IOException {
            return answer("created task", () -> {
                String description = args.requiredString("description");
                String priority = priority(args.string("priority"));
                String name = "task-" + RunId.generate();
                services.groups().create(name, description, priority, null, null);
                JsonObject o = new JsonObject();
                o.addProperty("task_id", name);
                o.addProperty("description", description);
                o.add("priority", Json.of(priority));
                return o;
            });
        }

        private static String priority(String given) {
            if (given == null) return null;
            String p = given.strip();
            if (p.matches("[Pp][0-3]")) return p.toUpperCase(Locale.ROOT);
            String mapped = PRIORITIES.get(p.toLowerCase(Locale.ROOT));
            if (mapped == null) {
                throw new BadArgument("argument 'priority' must be critical, high, medium, low or P0 to P3, not '" + given + "'.");
            }
            return mapped;
        }
    }

    static final class DeployAgent extends AgentctlTool {
        private final StartRunTool starter;

        DeployAgent(Services services) {
            super(services, "deploy_headless_agent", "Start an agent (an agentctl run) in a task: agent_type is its title, "
                    + "and its profile when a profile of that name exists; parent is the run that spawns it (depth and "
                    + "spawn rules apply).", Schema.object()
                    .string("task_id", "The task (group) id.", true)
                    .string("agent_type", "The kind of agent, e.g. investigator, fixer.", true)
                    .string("prompt", "The agent's task.", true)
                    .string("parent", "The run id of the agent that spawns this one (default: the run this server runs in).", false)
                    .build(), false);
            this.starter = new StartRunTool(services);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) throws IOException {
            return answer("deployed agent", () -> {
                String task = args.requiredString("task_id");
                String type = args.requiredString("agent_type");
                String prompt = args.requiredString("prompt");
                services.groups().require(task);
                String profile = services.config().profiles().containsKey(type) ? type : null;
                RunId id = starter.start(args, prompt, type, profile, task,
                        args.string("parent") == null ? null : RunId.of(args.string("parent")));
                RunMeta m = services.runs().read(id);
                JsonObject o = new JsonObject();
                o.addProperty("agent_id", id.value());
                o.addProperty("task_id", task);
                o.addProperty("agent_type", type);
                o.addProperty("status", m.status());
                o.add("parent", Json.of(RunId.string(m.spawnedBy())));
                o.addProperty("depth", m.depth());
                return o;
            });
        }
    }

    static final class TaskStatus extends AgentctlTool {
        TaskStatus(Services services) {
            super(services, "get_real_task_status", "A task's agents: active and completed counts, the parent/child "
                    + "hierarchy, and the spiral status (the depth and spawn limits, and the violations recorded).",
                    Schema.object().string("task_id", "The task (group) id.", true).build(), true);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) throws IOException {
            return answer("task status", () -> status(services, args.requiredString("task_id")));
        }

        /** Also the task://{task_id}/status resource. */
        static JsonObject status(Services services, String taskId) {
            JsonObject report = services.groupReports().show(taskId);
            JsonObject byStatus = report.getAsJsonObject("by_status");
            long active = count(byStatus, RunState.QUEUED.wire()) + count(byStatus, RunState.RUNNING.wire());
            JsonObject o = new JsonObject();
            o.addProperty("task_id", taskId);
            o.add("description", report.get("description"));
            o.add("priority", report.get("priority"));
            o.addProperty("active_agents", active);
            o.addProperty("completed_agents", count(byStatus, RunState.FINISHED.wire()));
            o.add("by_outcome", report.get("by_outcome"));
            o.add("hierarchy", report.get("tree"));
            Config config = services.config();
            JsonObject spiral = new JsonObject();
            spiral.addProperty("checked", true);
            long violations = report.get("violations").getAsLong();
            spiral.addProperty("status", violations == 0 ? "ok" : "violations");
            spiral.addProperty("max_depth", config.maxDepth());
            spiral.add("max_runs", report.get("max_runs"));
            spiral.add("runs", report.get("runs"));
            spiral.add("spawn_rules", config.spawnRules() == null ? JsonNull.INSTANCE : new Gson().toJsonTree(config.spawnRules()));
            spiral.addProperty("violation_count", violations);
            spiral.add("violations", report.get("violation_list"));
            o.add("spiral_status", spiral);
            return o;
        }

        private static long count(JsonObject counts, String key) {
            JsonElement e = counts.get(key);
            return e == null ? 0 : e.getAsLong();
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
        public ToolResult call(ToolArgs args, CallContext context) throws IOException {
            return answer("killed agent", () -> {
                String task = args.requiredString("task_id");
                RunId agent = RunId.of(args.requiredString("agent_id"));
                services.groups().require(task);
                if (!task.equals(services.runs().read(agent).group())) {
                    throw new BadArgument("argument 'agent_id': run " + agent + " is not an agent of task " + task + ".");
                }
                String reason = args.string("reason");
                RunKiller.Killed k = KillRunTool.kill(services, agent, reason == null ? KillRunTool.DEFAULT_REASON : reason);
                JsonObject o = new JsonObject();
                o.addProperty("agent_id", agent.value());
                o.addProperty("task_id", task);
                o.add("outcome", Json.of(k.meta().outcome()));
                o.addProperty("already_finished", k.alreadyFinished());
                return o;
            });
        }
    }
}
