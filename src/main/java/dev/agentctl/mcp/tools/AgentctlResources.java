package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.mcp.Resources;
import dev.agentctl.ops.RunList;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** runs://list, run://{run_id}, run://{run_id}/logs, tasks://list and task://{task_id}/status. */
public final class AgentctlResources implements Resources {
    private static final String JSON = "application/json";
    private final Services services;

    public AgentctlResources(Services services) {
        this.services = services;
    }

    @Override
    public List<JsonObject> list() {
        return List.of(
                Resources.entry("uri", "runs://list", "runs", "Every run's meta, newest first (as list_runs).", JSON),
                Resources.entry("uri", "tasks://list", "tasks", "Every task (run group) with its counts, as group_show reports it.", JSON));
    }

    @Override
    public List<JsonObject> templates() {
        return List.of(
                Resources.entry("uriTemplate", "run://{run_id}", "run", "A run's meta (as show_run).", JSON),
                Resources.entry("uriTemplate", "run://{run_id}/logs", "run logs", "A run's readable log (as run_logs).", "text/plain"),
                Resources.entry("uriTemplate", "task://{task_id}/status", "task status",
                        "A task's agents, hierarchy and spiral status (as get_real_task_status).", JSON));
    }

    @Override
    public JsonObject read(String uri) {
        if (uri.equals("runs://list")) {
            RunList lister = services.runList();
            JsonArray runs = new JsonArray();
            for (RunMeta m : lister.list(new RunQuery(null, null, null), null).runs()) runs.add(lister.whole(m).json());
            return json(uri, runs);
        }
        if (uri.equals("tasks://list")) {
            JsonArray tasks = new JsonArray();
            for (JsonObject report : services.groupReports().all()) {
                report.remove("tree"); // task://{task_id}/status has it
                tasks.add(report);
            }
            return json(uri, tasks);
        }
        String task = between(uri, "task://", "/status");
        if (task != null) return json(uri, CompatibilityTools.TaskStatus.status(services, task));
        String logsOf = between(uri, "run://", "/logs");
        if (logsOf != null) {
            try {
                return Resources.text(uri, "text/plain", String.join("\n", RunLogsTool.render(services, RunId.of(logsOf), null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String run = between(uri, "run://", "");
        if (run != null) return json(uri, services.show(RunId.of(run)).json());
        return null;
    }

    private static JsonObject json(String uri, com.google.gson.JsonElement body) {
        return Resources.text(uri, JSON, Json.pretty(body));
    }

    /** The part of uri between prefix and suffix, when uri has that shape and the part is one path segment. */
    private static String between(String uri, String prefix, String suffix) {
        if (!uri.startsWith(prefix) || !uri.endsWith(suffix) || uri.length() <= prefix.length() + suffix.length()) return null;
        String middle = uri.substring(prefix.length(), uri.length() - suffix.length());
        return middle.contains("/") ? null : middle;
    }
}
