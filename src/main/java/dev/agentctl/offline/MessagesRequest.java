package dev.agentctl.offline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only view of one Anthropic {@code POST /v1/messages} body, as Claude Code sends it: {@code messages}
 * (the whole conversation each time; a user message holds text blocks or tool_result blocks) and {@code tools}.
 */
final class MessagesRequest {
    /** The tool Claude Code adds for --json-schema; found by its schema, this name only as a fallback. */
    static final String RESULT_TOOL = "StructuredOutput";
    private static final String SYSTEM_REMINDER = "<system-reminder>";

    private final JsonObject body;
    private final List<JsonObject> messages = new ArrayList<>();

    MessagesRequest(JsonObject body) {
        this.body = body;
        JsonElement m = body.get("messages");
        if (m != null && m.isJsonArray()) {
            for (JsonElement e : m.getAsJsonArray()) {
                if (e.isJsonObject()) messages.add(e.getAsJsonObject());
            }
        }
    }

    /**
     * Text of every prompt, oldest first. A prompt is a user message with text of its own; Claude Code merges a
     * new prompt into the user message holding the previous turn's last tool results, and adds
     * {@code <system-reminder>} texts to messages that are no prompt.
     */
    List<String> promptTexts() {
        List<String> texts = new ArrayList<>();
        for (JsonObject m : messages) {
            if (isPrompt(m)) texts.add(String.join("\n", ownTexts(m)));
        }
        return texts;
    }

    /** The value of {@code [[name:VALUE]]} in the latest prompt that carries that marker. */
    Optional<String> marker(String name) {
        List<String> texts = promptTexts();
        for (int i = texts.size() - 1; i >= 0; i--) {
            Optional<String> found = Markers.find(texts.get(i), name);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** Names of the tools whose results came back after the latest prompt (the current turn). */
    Set<String> toolResultsInCurrentTurn() {
        Map<String, String> toolNames = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (JsonObject m : messages) {
            boolean prompt = isPrompt(m);
            if (prompt) names.clear(); // tool results merged into a prompt belong to the turn before
            for (JsonObject block : blocks(m)) {
                String type = string(block, "type");
                if ("tool_use".equals(type)) toolNames.put(string(block, "id"), string(block, "name"));
                if ("tool_result".equals(type) && !prompt) {
                    String name = toolNames.get(string(block, "tool_use_id"));
                    if (name != null) names.add(name);
                }
            }
        }
        return names;
    }

    /** True when an assistant message precedes the latest prompt: this turn continues a resumed session. */
    boolean hasEarlierAssistantMessage() {
        boolean assistantSeen = false;
        boolean earlier = false;
        for (JsonObject m : messages) {
            if (isPrompt(m) && assistantSeen) earlier = true;
            if ("assistant".equals(string(m, "role"))) assistantSeen = true;
        }
        return earlier;
    }

    /** The name of the tool that takes agentctl's result (goal_met ...), when the client offers one. */
    Optional<String> resultTool() {
        JsonElement tools = body.get("tools");
        if (tools == null || !tools.isJsonArray()) return Optional.empty();
        String byName = null;
        for (JsonElement t : tools.getAsJsonArray()) {
            if (!t.isJsonObject()) continue;
            JsonObject tool = t.getAsJsonObject();
            JsonObject props = object(object(tool, "input_schema"), "properties");
            if (props != null && props.has("goal_met")) return Optional.ofNullable(string(tool, "name"));
            if (RESULT_TOOL.equals(string(tool, "name"))) byName = RESULT_TOOL;
        }
        return Optional.ofNullable(byName);
    }

    String model() {
        String m = string(body, "model");
        return m == null ? "offline-model" : m;
    }

    private static boolean isPrompt(JsonObject m) {
        return "user".equals(string(m, "role")) && !ownTexts(m).isEmpty();
    }

    /** The message's texts without the system reminders Claude Code adds. */
    private static List<String> ownTexts(JsonObject m) {
        List<String> texts = new ArrayList<>();
        for (String t : blockTexts(m, "text")) {
            if (!t.stripLeading().startsWith(SYSTEM_REMINDER)) texts.add(t);
        }
        return texts;
    }

    /** Content as blocks; a plain string content is one text block. */
    private static List<JsonObject> blocks(JsonObject m) {
        List<JsonObject> out = new ArrayList<>();
        JsonElement content = m.get("content");
        if (content == null) return out;
        if (content.isJsonPrimitive()) {
            JsonObject text = new JsonObject();
            text.addProperty("type", "text");
            text.add("text", content);
            out.add(text);
        } else if (content.isJsonArray()) {
            for (JsonElement b : content.getAsJsonArray()) {
                if (b.isJsonObject()) out.add(b.getAsJsonObject());
            }
        }
        return out;
    }

    private static List<String> blockTexts(JsonObject m, String type) {
        List<String> texts = new ArrayList<>();
        for (JsonObject b : blocks(m)) {
            if (type.equals(string(b, "type")) && string(b, "text") != null) texts.add(string(b, "text"));
        }
        return texts;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
}
