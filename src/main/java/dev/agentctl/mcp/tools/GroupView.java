package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.ops.RunCounts;
import dev.agentctl.run.RunMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A group as group_show, get_real_task_status and the task resources show it: record, runs, counts, tree. */
final class GroupView {
    private GroupView() {}

    static JsonObject of(Services services, String groupId) {
        JsonObject g = services.groups().read(groupId);
        List<RunMeta> runs = new ArrayList<>();
        for (String id : services.groups().runIds(groupId)) {
            RunMeta m = services.runs().readQuietly(id);
            if (m != null) runs.add(services.reconciler().reconcile(m));
        }
        JsonObject o = g.deepCopy();
        o.add("counts", RunCounts.of(runs));
        long active = runs.stream().filter(m -> !m.isFinished()).count();
        o.addProperty("active_agents", active);
        o.addProperty("completed_agents", runs.size() - active);
        JsonArray brief = new JsonArray();
        runs.forEach(m -> brief.add(brief(m)));
        o.add("runs", brief);
        o.add("hierarchy", hierarchy(runs));
        return o;
    }

    static String text(JsonObject view) {
        return view.get("group_id").getAsString() + " " + view.get("name") + ": " + view.get("active_agents").getAsLong()
                + " active, " + view.get("completed_agents").getAsLong() + " completed";
    }

    private static JsonObject brief(RunMeta m) {
        JsonObject b = new JsonObject();
        b.addProperty("run_id", m.runId());
        b.addProperty("title", m.title());
        b.addProperty("status", m.status());
        b.addProperty("outcome", m.outcome());
        b.addProperty("parent_run_id", m.str("parent_run_id"));
        b.addProperty("summary", m.summary());
        return b;
    }

    /** Runs under their parents; a run whose parent is not in the group is a root. */
    private static JsonArray hierarchy(List<RunMeta> runs) {
        Map<String, JsonObject> nodes = new LinkedHashMap<>();
        for (RunMeta m : runs) {
            JsonObject n = brief(m);
            n.add("children", new JsonArray());
            nodes.put(m.runId(), n);
        }
        JsonArray roots = new JsonArray();
        for (RunMeta m : runs) {
            JsonObject parent = m.str("parent_run_id") == null ? null : nodes.get(m.str("parent_run_id"));
            if (parent != null && parent != nodes.get(m.runId())) {
                parent.getAsJsonArray("children").add(nodes.get(m.runId()));
            } else {
                roots.add(nodes.get(m.runId()));
            }
        }
        return roots;
    }
}
