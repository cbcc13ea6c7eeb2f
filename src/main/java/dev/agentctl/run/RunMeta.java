package dev.agentctl.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.time.Instant;

/**
 * meta.json as a JSON tree with typed accessors: fields this version does not know survive every
 * rewrite, and nothing is reflected over.
 */
public final class RunMeta {
    private final JsonObject json;

    public RunMeta(JsonObject json) {
        this.json = json;
    }

    public JsonObject json() { return json; }

    public String str(String key) { return Json.string(json, key); }
    public Long num(String key) { return Json.longValue(json, key); }
    public Boolean bool(String key) { return Json.bool(json, key); }

    public RunMeta put(String key, String v) { json.add(key, Json.of(v)); return this; }
    public RunMeta put(String key, Number v) { json.add(key, Json.of(v)); return this; }
    public RunMeta put(String key, Boolean v) { json.add(key, Json.of(v)); return this; }
    public RunMeta put(String key, JsonElement v) { json.add(key, v == null ? com.google.gson.JsonNull.INSTANCE : v); return this; }

    public String runId() { return str("run_id"); }
    public String status() { return str("status"); }
    public String outcome() { return str("outcome"); }
    public String project() { return str("project"); }
    public String profile() { return str("profile"); }
    public String title() { return str("title"); }
    public String createdAt() { return str("created_at"); }
    public String threadId() { return str("thread_id"); }
    public Boolean goalMet() { return bool("goal_met"); }
    public Long exitCode() { return num("exit_code"); }
    public String summary() { return str("summary"); }

    public boolean isFinished() { return RunStatus.FINISHED.equals(status()); }

    public static String now() {
        return Instant.now().toString();
    }

    public RunMeta copy() {
        return new RunMeta(json.deepCopy());
    }
}
