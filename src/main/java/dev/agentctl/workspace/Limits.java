package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import dev.agentctl.base.AgentctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the limit settings of config.json and groups: a wrong type or a negative number is named, exit 2. */
public final class Limits {
    private Limits() {}

    /** A whole number 0 or more (null only when the key is absent or null, which callers give a default for). */
    public static Integer countOrNull(JsonElement e, String label) {
        if (e == null || e.isJsonNull()) return null;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d >= 0 && d == Math.floor(d) && d <= Integer.MAX_VALUE) return (int) d;
        }
        throw AgentctlException.usage(label + " must be a whole number 0 or more, not " + e);
    }

    public static int count(JsonElement e, String label) {
        Integer n = countOrNull(e, label);
        if (n == null) throw AgentctlException.usage(label + " must be a whole number 0 or more, not null");
        return n;
    }

    /** {"deep": ["spark", "review"], "spark": []}; null or absent: no rules. */
    public static Map<String, List<String>> spawnRules(JsonElement e, String label) {
        if (e == null || e.isJsonNull()) return null;
        String shape = label + " must be an object of profile name to a list of profile names";
        if (!e.isJsonObject()) throw AgentctlException.usage(shape + ", not " + e);
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> r : e.getAsJsonObject().entrySet()) {
            if (!r.getValue().isJsonArray()) throw AgentctlException.usage(shape + " (" + r.getKey() + " is " + r.getValue() + ")");
            List<String> allowed = new ArrayList<>();
            for (JsonElement p : r.getValue().getAsJsonArray()) {
                if (!p.isJsonPrimitive() || !p.getAsJsonPrimitive().isString()) {
                    throw AgentctlException.usage(shape + " (" + r.getKey() + " lists " + p + ")");
                }
                allowed.add(p.getAsString());
            }
            rules.put(r.getKey(), List.copyOf(allowed));
        }
        return rules;
    }
}
