package dev.agentctl.codex;

import dev.agentctl.agent.AgentResult;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Turns codex events into short progress lines for a human watching the run's pane. */
public final class ProgressView {
    static final int MAX_LINE = 300;
    private static final int MAX_MESSAGE = 200;
    private static final int MAX_REASONING = 120;
    private static final int MESSAGE_LINES = 3;
    private static final String INDENT = "  ";

    private ProgressView() {}

    /** One line (no control characters, at most ~300 code points) for e, or null to show nothing. */
    public static String describe(CodexEvent e) {
        if (e == null) {
            return null;
        }
        String line = switch (e.type()) {
            case "thread.started" -> "▶ thread " + EventText.string(e.raw(), "thread_id");
            case "turn.completed" -> turnCompleted(EventText.object(e.raw(), "usage"));
            case "turn.failed" -> "✖ " + EventTracker.failureMessage(e.raw());
            case "error" -> "⚠ " + EventText.string(e.raw(), "message");
            case "item.started" -> itemStarted(e.itemType(), e.item());
            case "item.updated" -> "todo_list".equals(e.itemType()) ? todoList(e.item()) : null;
            case "item.completed" -> itemCompleted(e.itemType(), e.item());
            default -> null;
        };
        if (line == null) {
            return null;
        }
        String indent = line.startsWith(INDENT) ? INDENT : ""; // outcomes hang under the line they belong to
        return indent + EventText.oneLine(line, MAX_LINE - indent.length());
    }

    private static String itemStarted(String type, JsonObject item) {
        return switch (type) {
            case "command_execution" -> "$ " + ShellWrapper.strip(orEmpty(EventText.string(item, "command")));
            case "file_change" -> fileChanges(item);
            case "todo_list" -> todoList(item);
            case "mcp_tool_call" -> "⚙ " + EventText.string(item, "server") + "." + EventText.string(item, "tool");
            case "collab_tool_call" -> "⚙ " + orDefault(EventText.string(item, "tool"), "collab tool call");
            default -> null;
        };
    }

    private static String itemCompleted(String type, JsonObject item) {
        return switch (type) {
            case "command_execution" -> commandDone(item);
            case "file_change" -> "failed".equals(EventText.string(item, "status")) ? "  ↳ patch failed" : null;
            case "agent_message" -> agentMessage(EventText.string(item, "text"));
            case "reasoning" -> "… " + EventText.oneLine(firstLine(EventText.string(item, "text")), MAX_REASONING);
            case "error" -> "⚠ " + EventText.string(item, "message");
            case "web_search" -> "🔎 " + orDefault(EventText.string(item, "query"), "web search");
            case "mcp_tool_call", "collab_tool_call" -> toolDone(item);
            default -> null;
        };
    }

    /** The final message is the result JSON: shown by its meaning, not as raw JSON (the result block follows). */
    private static String agentMessage(String text) {
        AgentResult r = AgentResult.parse(text);
        if (r.goalMet() == null) return "💬 " + firstLines(text);
        return "💬 result: goal " + (r.goalMet() ? "met" : "not met") + (r.summary() == null || r.summary().isBlank() ? ""
                : " — " + firstLines(r.summary()));
    }

    private static String commandDone(JsonObject item) {
        JsonElement code = item == null ? null : item.get("exit_code");
        if (code != null && code.isJsonPrimitive()) {
            return "  ↳ exit " + code.getAsString();
        }
        return "  ↳ " + orDefault(EventText.string(item, "status"), "done");
    }

    private static String toolDone(JsonObject item) {
        if (!"failed".equals(EventText.string(item, "status"))) {
            return "  ↳ done";
        }
        String message = EventText.string(EventText.object(item, "error"), "message");
        return "  ↳ failed" + (message == null ? "" : ": " + message);
    }

    private static String fileChanges(JsonObject item) {
        JsonElement changes = item == null ? null : item.get("changes");
        if (changes == null || !changes.isJsonArray() || changes.getAsJsonArray().isEmpty()) {
            return "✎ file change";
        }
        List<String> parts = new ArrayList<>();
        for (JsonElement c : changes.getAsJsonArray()) {
            if (c.isJsonObject()) {
                JsonObject o = c.getAsJsonObject();
                parts.add(orDefault(EventText.string(o, "kind"), "change") + " " + EventText.string(o, "path"));
            }
        }
        return "✎ " + String.join(", ", parts);
    }

    private static String todoList(JsonObject item) {
        JsonElement items = item == null ? null : item.get("items");
        if (items == null || !items.isJsonArray()) {
            return null;
        }
        JsonArray todos = items.getAsJsonArray();
        int done = 0;
        String next = null;
        for (JsonElement t : todos) {
            if (!t.isJsonObject()) continue;
            JsonObject o = t.getAsJsonObject();
            if (Boolean.TRUE.equals(bool(o, "completed"))) {
                done++;
            } else if (next == null) {
                next = EventText.string(o, "text");
            }
        }
        return "☐ plan " + done + "/" + todos.size() + " done" + (next == null ? "" : ", next: " + next);
    }

    private static String turnCompleted(JsonObject usage) {
        String in = EventText.string(usage, "input_tokens");
        String out = EventText.string(usage, "output_tokens");
        return "✔ turn completed" + (in == null || out == null ? "" : " (tokens " + in + " in / " + out + " out)");
    }

    private static String firstLines(String text) {
        if (text == null) return "";
        List<String> lines = new ArrayList<>();
        for (String l : text.strip().split("\\R")) {
            if (!l.isBlank()) lines.add(l.strip());
            if (lines.size() == MESSAGE_LINES) break;
        }
        return EventText.oneLine(String.join(" ⏎ ", lines), MAX_MESSAGE);
    }

    /** First non-blank line without markdown emphasis ("**Planning**" reads as "Planning"). */
    private static String firstLine(String text) {
        if (text == null) return "";
        for (String l : text.split("\\R")) {
            if (!l.isBlank()) return l.replace("**", "").strip();
        }
        return "";
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
