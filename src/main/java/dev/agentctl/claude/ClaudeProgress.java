package dev.agentctl.claude;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import dev.agentctl.base.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns Claude Code's stream-json lines into the same short progress lines codex runs show. */
final class ClaudeProgress {
    static final int MAX_LINE = 300;
    private static final int MAX_MESSAGE = 200;

    private ClaudeProgress() {}

    /** The lines to show for e (maybe none), each one terminal-safe line. */
    static List<String> describe(JsonObject e) {
        List<String> lines = new ArrayList<>();
        switch (String.valueOf(Json.string(e, "type"))) {
            case "system" -> system(e, lines);
            case "assistant" -> blocks(e, lines, true);
            case "user" -> blocks(e, lines, false);
            case "result" -> lines.add(result(e));
            default -> { }
        }
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) out.add(TerminalText.oneLine(l, MAX_LINE)); // keeps the indent of tool outcomes
        return out;
    }

    private static void system(JsonObject e, List<String> lines) {
        String subtype = String.valueOf(Json.string(e, "subtype"));
        switch (subtype) {
            case "init" -> lines.add("▶ session " + Json.string(e, "session_id") + " · model " + Json.string(e, "model")
                    + " · " + Json.string(e, "permissionMode"));
            case "api_retry" -> lines.add("⚠ API retry" + suffix(Json.string(e, "error")));
            case "permission_denied" -> lines.add("⚠ permission denied: " + Json.string(e, "tool_name")
                    + suffix(Json.string(e, "message")));
            default -> { }
        }
    }

    private static void blocks(JsonObject e, List<String> lines, boolean assistant) {
        JsonObject message = ClaudeTurn.object(e, "message");
        JsonElement content = message == null ? null : message.get("content");
        if (content == null || !content.isJsonArray()) return;
        for (JsonElement b : content.getAsJsonArray()) {
            if (!b.isJsonObject()) continue;
            JsonObject block = b.getAsJsonObject();
            String type = String.valueOf(Json.string(block, "type"));
            if (assistant && "text".equals(type)) {
                String text = Json.string(block, "text");
                if (text != null && !text.isBlank()) lines.add("💬 " + TerminalText.oneLine(text, MAX_MESSAGE));
            } else if (assistant && "tool_use".equals(type)) {
                lines.add(toolUse(Json.string(block, "name"), ClaudeTurn.object(block, "input")));
            } else if (!assistant && "tool_result".equals(type)) {
                lines.add(Boolean.TRUE.equals(Json.bool(block, "is_error"))
                        ? "  ↳ error" + suffix(resultText(block.get("content"))) : "  ↳ done");
            }
        }
    }

    private static String toolUse(String name, JsonObject input) {
        if (name == null) return "⚙ tool";
        return switch (name) {
            case "Bash" -> "$ " + Json.string(input, "command");
            case "Edit", "Write", "NotebookEdit" -> "✎ " + name.toLowerCase(Locale.ROOT) + " " + Json.string(input, "file_path");
            case "StructuredOutput" -> "✔ result: goal_met=" + (input == null ? null : input.get("goal_met"));
            default -> "⚙ " + name + pathOf(input);
        };
    }

    private static String result(JsonObject e) {
        String subtype = Json.string(e, "subtype");
        boolean error = Boolean.TRUE.equals(Json.bool(e, "is_error")) || (subtype != null && !"success".equals(subtype));
        JsonObject usage = ClaudeUsage.of(ClaudeTurn.object(e, "usage"));
        String cost = Json.string(e, "total_cost_usd");
        String figures = " (" + Json.string(e, "num_turns") + " turns"
                + (usage == null ? "" : ", tokens " + usage.get("input_tokens") + " in / " + usage.get("output_tokens") + " out")
                + (cost == null ? "" : ", $" + cost) + ")";
        if (error) return "✖ " + (Json.string(e, "result") != null ? Json.string(e, "result") : subtype) + figures;
        return (ClaudeTurn.object(e, "structured_output") == null ? "✖ no structured result" : "✔ session completed") + figures;
    }

    private static String pathOf(JsonObject input) {
        String p = Json.string(input, "file_path");
        if (p == null) p = Json.string(input, "path");
        if (p == null) p = Json.string(input, "pattern");
        return p == null ? "" : " " + p;
    }

    private static String resultText(JsonElement content) {
        if (content == null) return null;
        if (content.isJsonPrimitive()) return content.getAsString();
        if (content.isJsonArray()) {
            for (JsonElement part : content.getAsJsonArray()) {
                if (part.isJsonObject() && Json.string(part.getAsJsonObject(), "text") != null) {
                    return Json.string(part.getAsJsonObject(), "text");
                }
            }
        }
        return null;
    }

    private static String suffix(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
