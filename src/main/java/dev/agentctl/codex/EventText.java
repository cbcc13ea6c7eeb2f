package dev.agentctl.codex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.regex.Pattern;

/** Small text helpers shared by the event classes. */
final class EventText {
    /** ANSI escape sequences (CSI, OSC, and two-character ones): removed whole so no "[31m" remains. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-_]?|\u009B[0-?]*[ -/]*[@-~]");
    /** C0, DEL, C1, and Unicode line/paragraph separators and bidi controls that could reorder a terminal line. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
        if (text == null) {
            return null;
        }
        String s = ANSI.matcher(text).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.codePointCount(0, s.length()) > max) {
            s = s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
        }
        return s;
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
