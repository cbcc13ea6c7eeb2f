package dev.agentctl.lifecycle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Group;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * `group show`: a group's settings, its runs counted by status and outcome, the tree of which run started
 * which, its stalled runs, its violations and the tokens its runs used.
 */
public final class GroupReport {
    private static final String[] TOKEN_KINDS = {"input_tokens", "cached_input_tokens", "output_tokens", "reasoning_output_tokens"};

    private GroupReport() {}

    /** @param runs every run (those of other groups are left out here); violations: every recorded one */
    public static JsonObject build(Group g, int maxRunsDefault, List<RunMeta> runs, List<JsonObject> violations) {
        List<RunMeta> mine = new ArrayList<>();
        for (RunMeta m : runs) if (g.name().equals(m.group())) mine.add(m);
        mine.sort(RunQuery.NEWEST_FIRST.reversed());
        JsonObject o = new JsonObject();
        o.addProperty("name", g.name());
        o.add("description", Json.of(g.description()));
        o.add("priority", Json.of(g.priority()));
        o.add("max_concurrent", Json.of(g.maxConcurrent()));
        o.addProperty("max_runs", g.maxRunsOr(maxRunsDefault));
        o.addProperty("runs", g.runsStarted());
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byOutcome = new TreeMap<>();
        JsonObject tokens = new JsonObject();
        for (String k : TOKEN_KINDS) tokens.addProperty(k, 0L);
        JsonArray stalled = new JsonArray();
        for (RunMeta m : mine) {
            byStatus.merge(String.valueOf(m.status()), 1, Integer::sum);
            if (m.outcome() != null) byOutcome.merge(m.outcome(), 1, Integer::sum);
            if (!m.isFinished() && Boolean.TRUE.equals(m.bool(RunMeta.STALLED))) stalled.add(m.runId().value());
            JsonElement u = m.json().get(RunMeta.USAGE);
            if (u != null && u.isJsonObject()) {
                for (String k : TOKEN_KINDS) {
                    Long n = Json.longValue(u.getAsJsonObject(), k);
                    if (n != null) tokens.addProperty(k, tokens.get(k).getAsLong() + n);
                }
            }
        }
        o.add("by_status", counts(byStatus));
        o.add("by_outcome", counts(byOutcome));
        o.add("tree", tree(mine));
        o.add("stalled", stalled);
        JsonArray mineViolations = new JsonArray();
        for (JsonObject v : violations) if (g.name().equals(Json.string(v, "group"))) mineViolations.add(v);
        o.addProperty("violations", mineViolations.size());
        o.add("violation_list", mineViolations);
        o.add("tokens", tokens);
        return o;
    }

    /** Roots are runs no run of the group started; each run's children are the runs it started (or resumed). */
    private static JsonArray tree(List<RunMeta> mine) {
        Set<RunId> ids = mine.stream().map(RunMeta::runId).collect(Collectors.toSet());
        Map<RunId, List<RunMeta>> children = new HashMap<>();
        List<RunMeta> roots = new ArrayList<>();
        for (RunMeta m : mine) {
            RunId parent = m.spawnedBy() != null ? m.spawnedBy() : m.parentRunId();
            if (parent != null && ids.contains(parent) && !parent.equals(m.runId())) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(m);
            } else {
                roots.add(m);
            }
        }
        JsonArray out = new JsonArray();
        for (RunMeta r : roots) out.add(node(r, children, 0));
        return out;
    }

    private static JsonObject node(RunMeta m, Map<RunId, List<RunMeta>> children, int guard) {
        JsonObject n = new JsonObject();
        n.addProperty("run_id", m.runId().value());
        n.add("title", Json.of(m.title()));
        n.add("profile", Json.of(m.profile()));
        n.add("status", Json.of(m.status()));
        n.add("outcome", Json.of(m.outcome()));
        n.addProperty("depth", m.depth());
        if (m.batchTaskId() != null) n.addProperty("batch_task_id", m.batchTaskId());
        JsonArray kids = new JsonArray();
        if (guard < 100) for (RunMeta c : children.getOrDefault(m.runId(), List.of())) kids.add(node(c, children, guard + 1));
        n.add("children", kids);
        return n;
    }

    private static JsonObject counts(Map<String, Integer> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    /** The lines a person reads. */
    public static String text(JsonObject r) {
        StringBuilder t = new StringBuilder();
        t.append("group ").append(Json.string(r, "name"));
        if (Json.string(r, "priority") != null) t.append(" (").append(Json.string(r, "priority")).append(')');
        if (Json.string(r, "description") != null) t.append(": ").append(Json.string(r, "description"));
        t.append('\n').append("runs: ").append(r.get("runs").getAsInt()).append(" of at most ").append(r.get("max_runs").getAsInt());
        Long cap = Json.longValue(r, "max_concurrent");
        t.append(cap == null ? "" : ", at most " + cap + " at a time").append('\n');
        t.append("status: ").append(join(r.getAsJsonObject("by_status"))).append('\n');
        t.append("outcome: ").append(join(r.getAsJsonObject("by_outcome"))).append('\n');
        JsonObject tok = r.getAsJsonObject("tokens");
        t.append("tokens: input ").append(tok.get("input_tokens")).append(" (cached ").append(tok.get("cached_input_tokens"))
                .append("), output ").append(tok.get("output_tokens")).append('\n');
        t.append("stalled: ").append(r.getAsJsonArray("stalled").isEmpty() ? "none" : r.getAsJsonArray("stalled").toString()).append('\n');
        t.append("violations: ").append(r.get("violations").getAsInt()).append('\n');
        for (JsonElement v : r.getAsJsonArray("violation_list")) {
            t.append("  ").append(Json.string(v.getAsJsonObject(), "message")).append('\n');
        }
        t.append("tree:\n");
        for (JsonElement n : r.getAsJsonArray("tree")) appendNode(t, n.getAsJsonObject(), 1);
        return t.toString();
    }

    private static void appendNode(StringBuilder t, JsonObject n, int indent) {
        t.append("  ".repeat(indent)).append(indent > 1 ? "└ " : "").append(Json.string(n, "run_id")).append(' ')
                .append(Json.string(n, "outcome") != null ? Json.string(n, "outcome") : Json.string(n, "status")).append(' ')
                .append(Json.string(n, "profile")).append(' ')
                .append(Json.string(n, "batch_task_id") == null ? "" : "[" + Json.string(n, "batch_task_id") + "] ")
                .append(dev.agentctl.base.TerminalText.oneLine(String.valueOf(Json.string(n, "title")), 80)).append('\n');
        for (JsonElement c : n.getAsJsonArray("children")) appendNode(t, c.getAsJsonObject(), indent + 1);
    }

    private static String join(JsonObject counts) {
        if (counts.size() == 0) return "none";
        Map<String, String> parts = new LinkedHashMap<>();
        counts.entrySet().forEach(e -> parts.put(e.getKey(), e.getValue().getAsString()));
        return parts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
