package dev.agentctl.claude;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Anthropic usage in the shape meta.json keeps for every agent. Anthropic counts cached input apart from
 * input_tokens; codex's input_tokens include the cached ones, so the sum is what compares.
 */
final class ClaudeUsage {
    private ClaudeUsage() {}

    /** {input_tokens, cached_input_tokens, output_tokens, reasoning_output_tokens}, or null without usage. */
    static JsonObject of(JsonObject u) {
        if (u == null) return null;
        long input = num(u, "input_tokens");
        long cacheRead = num(u, "cache_read_input_tokens");
        long cacheWrite = num(u, "cache_creation_input_tokens");
        JsonObject out = new JsonObject();
        out.addProperty("input_tokens", input + cacheRead + cacheWrite);
        out.addProperty("cached_input_tokens", cacheRead);
        out.addProperty("output_tokens", num(u, "output_tokens"));
        out.addProperty("reasoning_output_tokens", num(ClaudeTurn.object(u, "output_tokens_details"), "thinking_tokens"));
        return out;
    }

    private static long num(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : 0;
    }
}
