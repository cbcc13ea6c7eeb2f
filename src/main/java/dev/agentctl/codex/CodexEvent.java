package dev.agentctl.codex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One parsed stdout line of `codex exec --json`.
 *
 * @param type the event's "type" ("" when missing or not a string); never null
 * @param raw  the whole event object
 */
public record CodexEvent(String type, JsonObject raw) {
    /** The event for line, or null for a blank, truncated or otherwise non-object line. Never throws. */
    public static CodexEvent parse(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            // JsonParser's tree model keeps the last value of a repeated key (web_search items repeat "id").
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            String type = EventText.string(o, "type");
            return new CodexEvent(type == null ? "" : type, o);
        } catch (RuntimeException | StackOverflowError ex) {
            return null;
        }
    }

    /** The "item" object of item.* events, else null. */
    public JsonObject item() {
        JsonElement i = raw.get("item");
        return i != null && i.isJsonObject() ? i.getAsJsonObject() : null;
    }

    /** The item's type ("" when there is none), e.g. agent_message or command_execution. */
    public String itemType() {
        String t = EventText.string(item(), "type");
        return t == null ? "" : t;
    }
}
