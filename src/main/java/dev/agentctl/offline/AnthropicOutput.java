package dev.agentctl.offline;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the event sequence of one streamed Anthropic message with a single content block: message_start,
 * content_block_start/delta/stop, message_delta (stop reason, usage), message_stop. Tool input arrives in
 * two input_json_delta pieces, as the real API splits it, so a client must join them.
 */
final class AnthropicOutput {
    private AnthropicOutput() {}

    static List<JsonObject> text(String messageId, String model, String text) {
        JsonObject start = new JsonObject();
        start.addProperty("type", "text");
        start.addProperty("text", "");
        JsonObject delta = new JsonObject();
        delta.addProperty("type", "text_delta");
        delta.addProperty("text", text);
        return message(messageId, model, start, List.of(delta), "end_turn");
    }

    static List<JsonObject> toolUse(String messageId, String model, String toolUseId, String name, JsonObject input) {
        JsonObject start = new JsonObject();
        start.addProperty("type", "tool_use");
        start.addProperty("id", toolUseId);
        start.addProperty("name", name);
        start.add("input", new JsonObject());
        String json = Json.compact(input);
        int cut = json.length() / 2;
        List<JsonObject> deltas = new ArrayList<>();
        for (String piece : new String[] {json.substring(0, cut), json.substring(cut)}) {
            JsonObject d = new JsonObject();
            d.addProperty("type", "input_json_delta");
            d.addProperty("partial_json", piece);
            deltas.add(d);
        }
        return message(messageId, model, start, deltas, "tool_use");
    }

    /** The error body the real API sends with a 4xx/5xx status. */
    static JsonObject errorBody(String type, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.addProperty("type", "error");
        body.add("error", error);
        return body;
    }

    private static List<JsonObject> message(String id, String model, JsonObject block, List<JsonObject> deltas, String stop) {
        List<JsonObject> events = new ArrayList<>();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("type", "message");
        message.addProperty("role", "assistant");
        message.addProperty("model", model);
        message.add("content", new com.google.gson.JsonArray());
        message.add("stop_reason", null);
        message.add("stop_sequence", null);
        message.add("usage", startUsage());
        events.add(event("message_start", "message", message));
        JsonObject blockStart = event("content_block_start", "content_block", block);
        blockStart.addProperty("index", 0);
        events.add(blockStart);
        for (JsonObject d : deltas) {
            JsonObject e = event("content_block_delta", "delta", d);
            e.addProperty("index", 0);
            events.add(e);
        }
        JsonObject blockStop = new JsonObject();
        blockStop.addProperty("type", "content_block_stop");
        blockStop.addProperty("index", 0);
        events.add(blockStop);
        JsonObject stopDelta = new JsonObject();
        stopDelta.addProperty("stop_reason", stop);
        stopDelta.add("stop_sequence", null);
        JsonObject usage = new JsonObject();
        usage.addProperty("output_tokens", OfflineModelServer.OUTPUT_TOKENS);
        JsonObject messageDelta = event("message_delta", "delta", stopDelta);
        messageDelta.add("usage", usage);
        events.add(messageDelta);
        JsonObject end = new JsonObject();
        end.addProperty("type", "message_stop");
        events.add(end);
        return events;
    }

    /**
     * The same figures as the Responses API answers, in Anthropic's terms: its input_tokens exclude cached
     * input, so input + cache reads equals {@link OfflineModelServer#INPUT_TOKENS}.
     */
    private static JsonObject startUsage() {
        JsonObject u = new JsonObject();
        u.addProperty("input_tokens", OfflineModelServer.INPUT_TOKENS - OfflineModelServer.CACHED_INPUT_TOKENS);
        u.addProperty("cache_creation_input_tokens", 0);
        u.addProperty("cache_read_input_tokens", OfflineModelServer.CACHED_INPUT_TOKENS);
        u.addProperty("output_tokens", 1);
        return u;
    }

    private static JsonObject event(String type, String key, JsonObject value) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.add(key, value);
        return e;
    }
}
