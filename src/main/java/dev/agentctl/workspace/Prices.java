package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import java.util.List;
import java.util.Map;

/**
 * config.json "prices": per model, US dollars per million input, cached input and output tokens, e.g.
 * {"gpt-5.5": {"input": 1.25, "cached_input": 0.125, "output": 10}}. Used for estimates only.
 */
public final class Prices {
    static final List<String> FIELDS = List.of("input", "cached_input", "output");

    private final JsonObject prices;

    private Prices(JsonObject prices) {
        this.prices = prices;
    }

    /** config.json's "prices" (null or absent: none), validated. */
    static Prices of(JsonElement e) {
        if (e == null || e.isJsonNull()) return new Prices(new JsonObject());
        if (!e.isJsonObject()) throw AgentctlException.usage("config.json: prices must be an object");
        return new Prices(e.getAsJsonObject().deepCopy()).validate();
    }

    public boolean isEmpty() {
        return prices.size() == 0;
    }

    /** Refuses anything but {model: {input, cached_input, output}} with numbers of zero or more. */
    private Prices validate() {
        for (Map.Entry<String, JsonElement> e : prices.entrySet()) {
            if (!e.getValue().isJsonObject()) throw bad(e.getKey() + " must be an object");
            JsonObject p = e.getValue().getAsJsonObject();
            for (String f : FIELDS) {
                JsonElement v = p.get(f);
                if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || v.getAsDouble() < 0) {
                    throw bad(e.getKey() + "." + f + " must be a number of 0 or more (dollars per million tokens)");
                }
            }
        }
        return this;
    }

    /**
     * Estimated dollars for one run's usage on model, or null when the model has no price. Cached input
     * tokens are part of the input tokens and are charged at the cached price instead.
     */
    public Double cost(String model, long input, long cachedInput, long output) {
        JsonElement e = model == null ? null : prices.get(model);
        if (e == null || !e.isJsonObject()) return null;
        JsonObject p = e.getAsJsonObject();
        double cached = Math.min(cachedInput, input);
        return ((input - cached) * price(p, "input") + cached * price(p, "cached_input") + output * price(p, "output")) / 1e6;
    }

    private static double price(JsonObject p, String field) {
        JsonElement v = p.get(field);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : 0;
    }

    private static AgentctlException bad(String why) {
        return AgentctlException.usage("config.json: prices: " + why);
    }
}
