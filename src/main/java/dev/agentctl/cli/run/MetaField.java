package dev.agentctl.cli.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunMeta;

/** One field of a run's meta as a script wants it: `show RUN -f summary` instead of `| jq -r .summary`. */
final class MetaField {
    private MetaField() {}

    /**
     * Text values as they are, numbers, booleans, objects and arrays as JSON, and an empty string for null or
     * a field not set (yet: fields such as summary appear when the run finishes).
     */
    static String text(RunMeta meta, String path) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw AgentctlException.usage("bad field '" + path + "' (a meta.json key, nested with dots: usage.input_tokens)");
        }
        JsonElement e = meta.json();
        for (String part : path.split("\\.")) {
            JsonObject o = e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
            if (o == null) return "";
            e = o.get(part);
        }
        if (e == null || e.isJsonNull()) return "";
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        return e.toString();
    }
}
