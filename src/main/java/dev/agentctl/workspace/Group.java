package dev.agentctl.workspace;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;

/**
 * A group of runs, the unit an orchestrator works in: its own caps (null: the workspace's), a priority
 * for people to read, and how many runs it has had (its total is capped by maxRuns).
 */
public record Group(String name, String description, String priority, Integer maxConcurrent, Integer maxRuns,
        String createdAt, int runsStarted) {

    static Group fromJson(String name, JsonObject o) {
        Long runs = Json.longValue(o, "runs_started");
        return new Group(name, Json.string(o, "description"), Json.string(o, "priority"),
                Limits.countOrNull(o.get("max_concurrent"), "groups/" + name + ".json: max_concurrent"),
                Limits.countOrNull(o.get("max_runs"), "groups/" + name + ".json: max_runs"), Json.string(o, "created_at"),
                runs == null ? 0 : runs.intValue());
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.add("description", Json.of(description));
        o.add("priority", Json.of(priority));
        o.add("max_concurrent", Json.of(maxConcurrent));
        o.add("max_runs", Json.of(maxRuns));
        o.add("created_at", Json.of(createdAt));
        o.addProperty("runs_started", runsStarted);
        return o;
    }

    /** The cap on its total runs: its own, else the workspace's default. */
    public int maxRunsOr(int workspaceDefault) {
        return maxRuns != null ? maxRuns : workspaceDefault;
    }

    Group withRunStarted(int delta) {
        return new Group(name, description, priority, maxConcurrent, maxRuns, createdAt, Math.max(0, runsStarted + delta));
    }
}
