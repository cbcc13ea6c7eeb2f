package dev.agentctl.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A tools/call result: structured content for programs, a short text for people and older clients. */
public record ToolResult(JsonObject structured, String text, boolean isError) {
    public static ToolResult ok(JsonObject structured, String text) {
        return new ToolResult(structured, text, false);
    }

    /** A failed call: the reason as text and as {@code error} in the structured content. */
    public static ToolResult error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return new ToolResult(o, message, true);
    }

    public JsonObject toJson() {
        JsonObject textPart = new JsonObject();
        textPart.addProperty("type", "text");
        textPart.addProperty("text", text);
        JsonArray content = new JsonArray();
        content.add(textPart);
        JsonObject o = new JsonObject();
        o.add("content", content);
        if (structured != null) o.add("structuredContent", structured);
        o.addProperty("isError", isError);
        return o;
    }
}
