package dev.agentctl.usage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Prices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token usage of runs, per run or added up per project, profile, group or day, with an estimated cost
 * when prices are configured. Pure: the runs, the cut-off and the prices come in.
 */
public final class UsageReport {
    public static final List<String> GROUPINGS = List.of("project", "profile", "group", "day");

    /** One row: a run (key = run id) or a group of runs. cost is null when no run in it has a price. */
    public static final class Row {
        public final String key;
        public int runs;
        public long input;
        public long cachedInput;
        public long output;
        public long reasoningOutput;
        public Double cost;
        /** Runs whose model has no price: their tokens are counted, their cost is not. */
        public int unpriced;

        Row(String key) {
            this.key = key;
        }

        void add(RunMeta m, Prices prices) {
            JsonObject u = usageOf(m);
            long in = number(u, "input_tokens");
            long cached = number(u, "cached_input_tokens");
            long out = number(u, "output_tokens");
            runs++;
            input += in;
            cachedInput += cached;
            output += out;
            reasoningOutput += number(u, "reasoning_output_tokens");
            Double c = prices.cost(m.str(RunMeta.MODEL), in, cached, out);
            if (c == null) {
                unpriced++;
            } else {
                cost = (cost == null ? 0 : cost) + c;
            }
        }

        JsonObject json(String keyName) {
            JsonObject o = new JsonObject();
            o.addProperty(keyName, key);
            o.addProperty("runs", runs);
            o.addProperty("input_tokens", input);
            o.addProperty("cached_input_tokens", cachedInput);
            o.addProperty("output_tokens", output);
            o.addProperty("reasoning_output_tokens", reasoningOutput);
            o.addProperty("estimated_cost_usd", cost == null ? null : Math.round(cost * 10000) / 10000.0);
            return o;
        }
    }

    private final String by;
    private final List<Row> rows = new ArrayList<>();
    private final Row total = new Row("TOTAL");

    /** by: null for one row per run, else one of GROUPINGS. since: runs created before it are left out (null: all). */
    public UsageReport(List<RunMeta> runs, String by, Instant since, Prices prices) {
        if (by != null && !GROUPINGS.contains(by)) {
            throw AgentctlException.usage("--by must be one of " + String.join(", ", GROUPINGS) + ", not '" + by + "'");
        }
        this.by = by;
        Map<String, Row> groups = new LinkedHashMap<>();
        List<RunMeta> sorted = new ArrayList<>(runs);
        sorted.sort(dev.agentctl.run.RunQuery.NEWEST_FIRST.reversed()); // oldest first: totals read like a ledger
        for (RunMeta m : sorted) {
            if (since != null && !createdSince(m, since)) continue;
            String key = by == null ? RunId.string(m.runId()) : keyOf(m, by);
            Row row = groups.computeIfAbsent(key, Row::new);
            row.add(m, prices);
            total.add(m, prices);
        }
        rows.addAll(groups.values());
    }

    public List<Row> rows() { return rows; }
    public Row total() { return total; }
    public String keyName() { return by == null ? "run_id" : by; }

    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("by", by == null ? "run" : by);
        JsonArray arr = new JsonArray();
        rows.forEach(r -> arr.add(r.json(keyName())));
        o.add("rows", arr);
        JsonObject t = total.json("total");
        t.remove("total");
        o.add("total", t);
        return o;
    }

    static String keyOf(RunMeta m, String by) {
        String v = switch (by) {
            case "day" -> m.createdAt() == null || m.createdAt().length() < 10 ? null : m.createdAt().substring(0, 10);
            default -> m.str(by); // project, profile, group (set by runs started in a group)
        };
        return v == null || v.isBlank() ? "-" : v;
    }

    private static boolean createdSince(RunMeta m, Instant since) {
        try {
            return m.createdAt() != null && !Instant.parse(m.createdAt()).isBefore(since);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static JsonObject usageOf(RunMeta m) {
        JsonElement u = m.json().get(RunMeta.USAGE);
        return u != null && u.isJsonObject() ? u.getAsJsonObject() : null;
    }

    private static long number(JsonObject o, String key) {
        Long v = dev.agentctl.store.Json.longValue(o, key);
        return v == null ? 0 : v;
    }
}
