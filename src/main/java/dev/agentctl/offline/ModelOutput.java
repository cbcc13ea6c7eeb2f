package dev.agentctl.offline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.List;

/** Builds Responses API stream events and output items in the shapes codex 0.169.0 accepts. */
final class ModelOutput {
    /** The longest wait for a command codex 0.169/0.171 accept (their exec_command tool says 250-30000 ms). */
    static final int YIELD_TIME_MS = 30_000;

    private ModelOutput() {}

    /** A complete stream whose single output item is {@code item}. */
    static List<JsonObject> streamOf(String responseId, JsonObject item) {
        return List.of(created(responseId), itemDone(item), completed(responseId));
    }

    static JsonObject created(String responseId) {
        JsonObject response = new JsonObject();
        response.addProperty("id", responseId);
        return event("response.created", response);
    }

    static JsonObject itemDone(JsonObject item) {
        JsonObject e = new JsonObject();
        e.addProperty("type", "response.output_item.done");
        e.add("item", item);
        return e;
    }

    static JsonObject completed(String responseId) {
        JsonObject response = new JsonObject();
        response.addProperty("id", responseId);
        response.add("usage", usage());
        return event("response.completed", response);
    }

    /**
     * Codex's shell tool: arguments are a JSON string holding {@code {"cmd": ...}}. codex waits 10 s for a
     * command by default and then goes on without its result (and ends the turn, killing it); on a loaded
     * machine a login shell alone can take that long, so the mock asks for codex's longest wait.
     */
    static JsonObject execCommandCall(String itemId, String callId, String cmd) {
        JsonObject args = new JsonObject();
        args.addProperty("cmd", cmd);
        args.addProperty("login", false);
        args.addProperty("yield_time_ms", YIELD_TIME_MS);
        JsonObject item = new JsonObject();
        item.addProperty("type", "function_call");
        item.addProperty("id", itemId);
        item.addProperty("call_id", callId);
        item.addProperty("name", "exec_command");
        item.addProperty("arguments", Json.compact(args));
        return item;
    }

    /**
     * An MCP tool as codex 0.169 offers it to the model: a function call in the server's namespace
     * ({@code mcp__SERVER}) named after the tool; arguments are a JSON string (codex-exec.md).
     */
    static JsonObject mcpToolCall(String itemId, String callId, String server, String tool, String argumentsJson) {
        JsonObject item = new JsonObject();
        item.addProperty("type", "function_call");
        item.addProperty("id", itemId);
        item.addProperty("call_id", callId);
        item.addProperty("namespace", "mcp__" + server);
        item.addProperty("name", tool);
        item.addProperty("arguments", argumentsJson);
        return item;
    }

    static JsonObject assistantMessage(String itemId, String text) {
        JsonObject part = new JsonObject();
        part.addProperty("type", "output_text");
        part.addProperty("text", text);
        JsonArray content = new JsonArray();
        content.add(part);
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("role", "assistant");
        item.addProperty("id", itemId);
        item.add("content", content);
        return item;
    }

    /** The final answer in agentctl's result schema (dev.agentctl.workspace.OutputSchema). */
    static String result(boolean goalMet, String summary, String followupPrompt) {
        JsonObject o = new JsonObject();
        o.addProperty("goal_met", goalMet);
        o.addProperty("summary", summary);
        o.addProperty("followup_prompt", followupPrompt);
        o.addProperty("notes", "");
        return Json.compact(o);
    }

    /** The same fixed numbers for every response, so tests can predict what codex records. */
    static JsonObject usage() {
        JsonObject cached = new JsonObject();
        cached.addProperty("cached_tokens", OfflineModelServer.CACHED_INPUT_TOKENS);
        JsonObject reasoning = new JsonObject();
        reasoning.addProperty("reasoning_tokens", OfflineModelServer.REASONING_OUTPUT_TOKENS);
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", OfflineModelServer.INPUT_TOKENS);
        usage.add("input_tokens_details", cached);
        usage.addProperty("output_tokens", OfflineModelServer.OUTPUT_TOKENS);
        usage.add("output_tokens_details", reasoning);
        usage.addProperty("total_tokens", OfflineModelServer.INPUT_TOKENS + OfflineModelServer.OUTPUT_TOKENS);
        return usage;
    }

    /** The error body the real API sends with a 4xx/5xx status. */
    static JsonObject errorBody(String type, String code, String message, String param) {
        JsonObject error = new JsonObject();
        error.addProperty("message", message);
        error.addProperty("type", type);
        error.add("param", Json.of(param));
        error.addProperty("code", code);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    private static JsonObject event(String type, JsonObject response) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.add("response", response);
        return e;
    }
}
