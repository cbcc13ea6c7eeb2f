package dev.agentctl.offline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only view of one {@code POST /v1/responses} body: the parts of the conversation the mock reacts to. */
final class ResponsesRequest {
    private final JsonObject body;
    private final List<JsonObject> items;

    ResponsesRequest(JsonObject body) {
        this.body = body;
        this.items = new ArrayList<>();
        JsonElement input = body.get("input");
        if (input != null && input.isJsonArray()) {
            for (JsonElement e : input.getAsJsonArray()) {
                if (e.isJsonObject()) items.add(e.getAsJsonObject());
            }
        }
    }

    /** Text of every user message, oldest first (codex puts AGENTS.md and environment context there too). */
    List<String> userTexts() {
        List<String> texts = new ArrayList<>();
        for (JsonObject item : items) {
            if (isMessage(item, "user")) texts.add(textOf(item));
        }
        return texts;
    }

    /** The value of {@code [[name:VALUE]]} in the latest user message that carries that marker. */
    Optional<String> marker(String name) {
        List<String> texts = userTexts();
        for (int i = texts.size() - 1; i >= 0; i--) {
            Optional<String> found = Markers.find(texts.get(i), name);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** True once codex has run our tool call in the current turn (after the latest user message). */
    boolean hasToolOutputInCurrentTurn() {
        for (int i = items.size() - 1; i >= 0; i--) {
            JsonObject item = items.get(i);
            if (isMessage(item, "user")) return false;
            if ("function_call_output".equals(type(item))) return true;
        }
        return false;
    }

    /** What the latest tool call of the current turn returned, as text (codex sends a string or content parts). */
    Optional<String> toolOutputInCurrentTurn() {
        for (int i = items.size() - 1; i >= 0; i--) {
            JsonObject item = items.get(i);
            if (isMessage(item, "user")) return Optional.empty();
            if ("function_call_output".equals(type(item))) {
                JsonElement out = item.get("output");
                if (out == null || out.isJsonNull()) return Optional.of("");
                return Optional.of(out.isJsonPrimitive() ? out.getAsString() : out.toString());
            }
        }
        return Optional.empty();
    }

    /** How many tool calls codex has answered in the current turn. */
    int toolOutputsInCurrentTurn() {
        int n = 0;
        for (int i = items.size() - 1; i >= 0 && !isMessage(items.get(i), "user"); i--) {
            if ("function_call_output".equals(type(items.get(i)))) n++;
        }
        return n;
    }

    /** True when the thread already holds an answer from the model, i.e. this turn continues a resumed thread. */
    boolean hasEarlierAssistantMessage() {
        return items.stream().anyMatch(item -> isMessage(item, "assistant"));
    }

    /** {@code text.format.schema}, when codex was given {@code --output-schema}. */
    Optional<JsonElement> outputSchema() {
        JsonObject text = object(body, "text");
        JsonObject format = object(text, "format");
        return format == null || !format.has("schema") ? Optional.empty() : Optional.of(format.get("schema"));
    }

    private static boolean isMessage(JsonObject item, String role) {
        String type = type(item);
        boolean message = type == null || "message".equals(type);
        JsonElement r = item.get("role");
        return message && r != null && r.isJsonPrimitive() && role.equals(r.getAsString());
    }

    private static String type(JsonObject item) {
        JsonElement t = item.get("type");
        return t != null && t.isJsonPrimitive() ? t.getAsString() : null;
    }

    /** Content is either a plain string or a list of parts with a {@code text} field. */
    private static String textOf(JsonObject message) {
        JsonElement content = message.get("content");
        if (content == null) return "";
        if (content.isJsonPrimitive()) return content.getAsString();
        if (!content.isJsonArray()) return "";
        StringBuilder sb = new StringBuilder();
        for (JsonElement part : content.getAsJsonArray()) {
            if (!part.isJsonObject()) continue;
            JsonElement text = part.getAsJsonObject().get("text");
            if (text != null && text.isJsonPrimitive()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(text.getAsString());
            }
        }
        return sb.toString();
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent == null ? null : parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
}
