package dev.agentctl.lifecycle;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Group;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Violations;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * `status`: running and queued runs against each cap, the oldest queued run and why it waits, stalled
 * runs and the last violations. Reads the record of unfinished runs, never every run.
 */
public final class StatusReport {
    static final int LAST_VIOLATIONS = 5;

    private StatusReport() {}

    public static JsonObject build(RunStore store, Config config) {
        List<RunMeta> active = new ActiveRuns(store).peek();
        Slots slots = Queue.slotsOf(store, config, active);
        Map<String, Integer> projectCaps = new ProjectRegistry(store.workspace()).concurrencyCaps();
        JsonObject o = new JsonObject();
        int queued = 0;
        RunMeta oldest = null;
        JsonArray stalled = new JsonArray();
        TreeSet<String> projects = new TreeSet<>(projectCaps.keySet());
        TreeSet<String> groups = new TreeSet<>();
        for (RunMeta m : active) {
            if (m.project() != null) projects.add(m.project());
            if (m.group() != null) groups.add(m.group());
            if (m.isWaitingInQueue()) {
                queued++;
                if (oldest == null) oldest = m;
            }
            if (Boolean.TRUE.equals(m.bool(RunMeta.STALLED))) stalled.add(brief(m));
        }
        o.addProperty("running", slots.total());
        o.addProperty("queued", queued);
        o.add("global", cap(config.maxConcurrent(), slots.total(), queued(active, null, null)));
        JsonObject byProject = new JsonObject();
        for (String p : projects) byProject.add(p, cap(projectCaps.getOrDefault(p, 0), slots.inProject(p), queued(active, p, null)));
        o.add("projects", byProject);
        JsonObject byGroup = new JsonObject();
        for (String g : groups) byGroup.add(g, cap(slots.groupCap(g), slots.inGroup(g), queued(active, null, g)));
        o.add("groups", byGroup);
        JsonObject head = null;
        if (oldest != null) {
            head = brief(oldest);
            head.add("queued_reason", Json.of(oldest.queuedReason()));
        }
        o.add("oldest_queued", head == null ? com.google.gson.JsonNull.INSTANCE : head);
        o.add("stalled", stalled);
        List<JsonObject> violations = new Violations(store.workspace()).all();
        o.addProperty("violations", violations.size());
        JsonArray last = new JsonArray();
        violations.subList(Math.max(0, violations.size() - LAST_VIOLATIONS), violations.size()).forEach(last::add);
        o.add("last_violations", last);
        return o;
    }

    /** The lines a person reads. */
    public static String text(JsonObject s) {
        StringBuilder t = new StringBuilder();
        t.append(line("all runs", s.getAsJsonObject("global"))).append('\n');
        for (Map.Entry<String, com.google.gson.JsonElement> e : s.getAsJsonObject("projects").entrySet()) {
            t.append(line("project " + e.getKey(), e.getValue().getAsJsonObject())).append('\n');
        }
        for (Map.Entry<String, com.google.gson.JsonElement> e : s.getAsJsonObject("groups").entrySet()) {
            t.append(line("group " + e.getKey(), e.getValue().getAsJsonObject())).append('\n');
        }
        if (s.get("oldest_queued").isJsonObject()) {
            JsonObject h = s.getAsJsonObject("oldest_queued");
            t.append("oldest queued: ").append(Json.string(h, "run_id")).append(" since ").append(Json.string(h, "created_at"))
                    .append(": ").append(Json.string(h, "queued_reason")).append('\n');
        }
        JsonArray stalled = s.getAsJsonArray("stalled");
        t.append("stalled: ").append(stalled.isEmpty() ? "none" : "");
        for (int i = 0; i < stalled.size(); i++) {
            t.append(i == 0 ? "" : ", ").append(Json.string(stalled.get(i).getAsJsonObject(), "run_id"));
        }
        t.append('\n').append("violations: ").append(s.get("violations").getAsInt()).append('\n');
        for (var v : s.getAsJsonArray("last_violations")) {
            JsonObject vo = v.getAsJsonObject();
            t.append("  ").append(Json.string(vo, "time")).append(' ').append(Json.string(vo, "message")).append('\n');
        }
        return t.toString();
    }

    private static String line(String what, JsonObject c) {
        Long limit = Json.longValue(c, "limit");
        return what + ": " + c.get("running").getAsInt() + " running" + (limit == null ? " (no cap)" : " of " + limit)
                + ", " + c.get("queued").getAsInt() + " queued";
    }

    private static JsonObject cap(int limit, int running, int queued) {
        JsonObject c = new JsonObject();
        c.add("limit", limit > 0 ? Json.of(limit) : com.google.gson.JsonNull.INSTANCE);
        c.addProperty("running", running);
        c.addProperty("queued", queued);
        return c;
    }

    private static int queued(List<RunMeta> active, String project, String group) {
        int n = 0;
        for (RunMeta m : active) {
            if (!m.isWaitingInQueue()) continue;
            if (project != null && !project.equals(m.project())) continue;
            if (group != null && !group.equals(m.group())) continue;
            n++;
        }
        return n;
    }

    static JsonObject brief(RunMeta m) {
        JsonObject b = new JsonObject();
        b.addProperty("run_id", m.runId().value());
        b.add("title", Json.of(m.title()));
        b.add("project", Json.of(m.project()));
        b.add("group", Json.of(m.group()));
        b.add("created_at", Json.of(m.createdAt()));
        b.add("last_event_at", Json.of(m.str(RunMeta.LAST_EVENT_AT)));
        return b;
    }

    /** For `groups`: every group with its runs now (from the record of unfinished runs). */
    public static JsonArray groups(RunStore store, Config config) {
        List<RunMeta> active = new ActiveRuns(store).peek();
        Map<String, int[]> counts = new TreeMap<>();
        for (RunMeta m : active) {
            if (m.group() == null) continue;
            int[] c = counts.computeIfAbsent(m.group(), g -> new int[2]);
            c[m.isWaitingInQueue() ? 1 : 0]++;
        }
        JsonArray out = new JsonArray();
        for (Group g : new GroupStore(store.workspace()).list()) {
            int[] c = counts.getOrDefault(g.name(), new int[2]);
            JsonObject o = new JsonObject();
            o.addProperty("name", g.name());
            o.add("priority", Json.of(g.priority()));
            o.add("description", Json.of(g.description()));
            o.addProperty("runs", g.runsStarted());
            o.addProperty("max_runs", g.maxRunsOr(config.maxRunsPerGroup()));
            o.add("max_concurrent", Json.of(g.maxConcurrent()));
            o.addProperty("running", c[0]);
            o.addProperty("queued", c[1]);
            out.add(o);
        }
        return out;
    }
}
