package dev.agentctl.codex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.TerminalText;

/** Small text helpers shared by the event classes. */
final class EventText {
    private EventText() {}

    /** A JSON member as a string when it is a primitive, else null. */
    static String string(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    /** text as one terminal-safe line of at most max code points, "…" marking a cut; null stays null. */
    static String oneLine(String text, int max) {
        return TerminalText.compact(text, max);
    }

    /**
     * The innermost readable message: API errors often arrive as a JSON document inside error.message,
     * e.g. {"error": {"message": "Invalid schema ..."}}. Text that is not such a document is returned as is.
     */
    static String unwrapMessage(String message) {
        String current = message;
        for (int depth = 0; depth < 4 && current != null; depth++) {
            String inner = innerMessage(current);
            if (inner == null) {
                break;
            }
            current = inner;
        }
        return current;
    }

    private static String innerMessage(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(t);
            if (!e.isJsonObject()) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            JsonObject error = object(o, "error");
            String inner = error != null ? string(error, "message") : string(o, "error");
            if (inner == null) {
                inner = string(o, "message");
            }
            return inner == null || inner.isBlank() ? null : inner;
        } catch (RuntimeException | StackOverflowError ex) {
            return null;
        }
    }
}
