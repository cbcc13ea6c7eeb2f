package dev.agentctl.claude;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.store.Json;
import java.nio.file.Path;

/**
 * A Claude Code run's stream-json lines: the session id (from system/init, again in the result), and the final
 * `result` line with the structured result, usage, cost and whether it failed. Thread-safe.
 */
final class ClaudeTurn implements AgentTurn {
    static final String NO_STRUCTURED_RESULT =
            "no structured result: the model ended without calling the StructuredOutput tool";

    private String sessionId;
    private JsonObject usage;
    private Double costUsd;
    private boolean resultSeen;
    private String failure;
    private JsonObject structuredOutput;

    @Override
    public AgentEvent accept(String line) {
        JsonObject e = parse(line);
        if (e == null) return null;
        String type = Json.string(e, "type");
        boolean important = false;
        synchronized (this) {
            String id = Json.string(e, "session_id");
            if (id != null && !id.isBlank() && ("system".equals(type) || "result".equals(type))) {
                important = !id.equals(sessionId);
                sessionId = id;
            }
            if ("result".equals(type)) {
                acceptResult(e);
                important = true;
            }
        }
        // Claude Code marks no event as a provider error (its retries show on stderr, which ProviderTrouble reads):
        // every event counts as the model answering.
        return new AgentEvent(ClaudeProgress.describe(e), important);
    }

    private void acceptResult(JsonObject e) {
        resultSeen = true;
        usage = ClaudeUsage.of(object(e, "usage"));
        JsonElement cost = e.get("total_cost_usd");
        if (cost != null && cost.isJsonPrimitive() && cost.getAsJsonPrimitive().isNumber()) costUsd = cost.getAsDouble();
        structuredOutput = object(e, "structured_output");
        String subtype = Json.string(e, "subtype");
        if (Boolean.TRUE.equals(Json.bool(e, "is_error")) || (subtype != null && !"success".equals(subtype))) {
            failure = errorText(e, subtype);
        } else if (structuredOutput == null) {
            failure = NO_STRUCTURED_RESULT;
        } else {
            failure = null;
        }
    }

    /** The result's text (e.g. "API Error: 500 ..."), else its errors list, else its subtype. */
    private static String errorText(JsonObject e, String subtype) {
        String result = Json.string(e, "result");
        if (result != null && !result.isBlank()) return result.strip();
        JsonElement errors = e.get("errors");
        if (errors != null && errors.isJsonArray() && !errors.getAsJsonArray().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement x : errors.getAsJsonArray()) {
                if (sb.length() > 0) sb.append("; ");
                sb.append(x.isJsonPrimitive() ? x.getAsString() : Json.compact(x));
            }
            return sb.toString();
        }
        return subtype == null ? "Claude Code reported an error" : subtype;
    }

    @Override
    public synchronized String sessionId() {
        return sessionId;
    }

    @Override
    public synchronized JsonObject usage() {
        return usage == null ? null : usage.deepCopy();
    }

    @Override
    public synchronized Double costUsd() {
        return costUsd;
    }

    @Override
    public synchronized boolean completed() {
        return resultSeen && failure == null;
    }

    @Override
    public synchronized String failure() {
        return failure;
    }

    @Override
    public synchronized AgentResult result(Path runDir) {
        return AgentResult.parse(structuredOutput == null ? null : Json.compact(structuredOutput));
    }

    /** The line as a JSON object, or null for anything else. Never throws. */
    static JsonObject parse(String line) {
        if (line == null || line.isBlank()) return null;
        try {
            JsonElement e = JsonParser.parseString(line);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException | StackOverflowError ex) {
            return null;
        }
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
}
