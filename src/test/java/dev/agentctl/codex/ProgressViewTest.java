package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
    private static String describe(String line) {
        return ProgressView.describe(CodexEvent.parse(line));
    }

    private static String item(String event, String itemJson) {
        return describe("{\"type\":\"" + event + "\",\"item\":" + itemJson + "}");
    }

    private static String command(String commandJsonString) {
        return item("item.started", "{\"type\":\"command_execution\",\"command\":" + commandJsonString + ",\"status\":\"in_progress\"}");
    }

    @Test
    void capturedEventsReadWell() {
        assertEquals("▶ thread 01a20031-c6aa-7283-9df0-eddb03adf32f", describe(CapturedLines.THREAD_STARTED));
        assertNull(describe(CapturedLines.TURN_STARTED));
        assertEquals("$ echo hello > hello.txt", describe(CapturedLines.COMMAND_STARTED));
        assertEquals("  ↳ exit 0", describe(CapturedLines.COMMAND_COMPLETED));
        assertEquals("💬 result: goal met — wrote hello.txt", describe(CapturedLines.AGENT_MESSAGE),
                "the result JSON is shown by its meaning, not raw");
        assertEquals("✔ turn completed (tokens 20 in / 10 out)", describe(CapturedLines.TURN_COMPLETED));
        assertEquals("⚠ Model metadata for `mock-model` not found. Defaulting to fallback metadata.", describe(CapturedLines.ERROR_ITEM));
        assertEquals("… Planning the change", describe(CapturedLines.REASONING));
        assertEquals("✎ add /abs/hello.txt", describe(CapturedLines.FILE_CHANGE));
        assertEquals("⚠ Reconnecting... waiting for network (Connection failed: error sending request)",
                describe(CapturedLines.ERROR_EVENT));
        assertEquals("✖ " + CapturedLines.NESTED_INNER_MESSAGE, describe(CapturedLines.TURN_FAILED_NESTED));
        assertEquals("🔎 gson duplicate keys", describe(CapturedLines.WEB_SEARCH_DUPLICATE_ID));
    }

    @Test
    void shellWrapperIsStrippedOnlyWhenItIsOne() {
        assertEquals("$ echo 'it''s' | wc -l", command("\"/bin/bash -lc \\\"echo 'it''s' | wc -l\\\"\""));
        assertEquals("$ echo it's", command("\"/bin/bash -lc 'echo it'\\\\''s'\""));
        assertEquals("$ ls -la", command("\"bash -lc 'ls -la'\""));
        assertEquals("$ ls", command("\"/bin/zsh -lc ls\""));
        assertEquals("$ npm test", command("\"npm test\""));
        assertEquals("$ bash -lc 'a' extra", command("\"bash -lc 'a' extra\""));
        assertEquals("$ bash -lc 'unterminated", command("\"bash -lc 'unterminated\""));
        assertEquals("$ bash -lc ls;rm", command("\"bash -lc ls;rm\""));
    }

    @Test
    void commandOutcomeWithoutExitCodeShowsStatus() {
        assertEquals("  ↳ exit 127", item("item.completed", "{\"type\":\"command_execution\",\"exit_code\":127,\"status\":\"failed\"}"));
        assertEquals("  ↳ declined", item("item.completed", "{\"type\":\"command_execution\",\"exit_code\":null,\"status\":\"declined\"}"));
    }

    @Test
    void fileChangesAreListedAndOnlyFailuresReportedOnCompletion() {
        assertEquals("✎ update /p/a.java, delete /p/b.txt", item("item.started",
                "{\"type\":\"file_change\",\"changes\":[{\"path\":\"/p/a.java\",\"kind\":\"update\"},"
                        + "{\"path\":\"/p/b.txt\",\"kind\":\"delete\"}],\"status\":\"in_progress\"}"));
        assertNull(item("item.completed", "{\"type\":\"file_change\",\"changes\":[],\"status\":\"completed\"}"));
        assertEquals("  ↳ patch failed", item("item.completed", "{\"type\":\"file_change\",\"changes\":[],\"status\":\"failed\"}"));
    }

    @Test
    void agentMessageShowsItsFirstLinesCapped() {
        String line = item("item.completed", "{\"type\":\"agent_message\",\"text\":\"one\\n\\ntwo\\nthree\\nfour\"}");
        assertEquals("💬 one ⏎ two ⏎ three", line);
        String longLine = item("item.completed", "{\"type\":\"agent_message\",\"text\":\"" + "x".repeat(5000) + "\"}");
        assertTrue(longLine.codePointCount(0, longLine.length()) <= 205, longLine.length() + "");
        assertTrue(longLine.endsWith("…"));
    }

    @Test
    void plansToolsAndSearchesGetShortLines() {
        String todos = "{\"type\":\"todo_list\",\"items\":[{\"text\":\"Analyze\",\"completed\":true},"
                + "{\"text\":\"Write\",\"completed\":false},{\"text\":\"Test\",\"completed\":false}]}";
        assertEquals("☐ plan 1/3 done, next: Write", item("item.started", todos));
        assertEquals("☐ plan 1/3 done, next: Write", item("item.updated", todos));
        assertNull(item("item.completed", todos));
        assertEquals("⚙ filesystem.read_file", item("item.started",
                "{\"type\":\"mcp_tool_call\",\"server\":\"filesystem\",\"tool\":\"read_file\",\"status\":\"in_progress\"}"));
        assertEquals("  ↳ failed: File not found", item("item.completed",
                "{\"type\":\"mcp_tool_call\",\"server\":\"fs\",\"tool\":\"r\",\"error\":{\"message\":\"File not found\"},\"status\":\"failed\"}"));
        assertEquals("🔎 web search", item("item.completed", "{\"type\":\"web_search\",\"query\":\"\"}"));
        assertNull(item("item.started", "{\"type\":\"web_search\",\"query\":\"\"}"));
    }

    @Test
    void unknownEventsShowNothing() {
        assertNull(describe("{\"type\":\"session.configured\"}"));
        assertNull(item("item.completed", "{\"type\":\"future_item\",\"text\":\"x\"}"));
        assertNull(ProgressView.describe(null));
        assertEquals("✔ turn completed", describe("{\"type\":\"turn.completed\"}"));
    }

    @Test
    void everyLineIsOneShortLineWithoutControlCharacters() {
        String nasty = "red \\u001b[31mALERT\\u001b[0m\\u001b]0;title\\u0007 bell\\u0007 nul\\u0000 del\\u007f c1\\u009b2J"
                + " ls\\u2028ps\\r\\n\\ttab\\u202eevil " + "y".repeat(600);
        List<String> lines = List.of(
                command("\"" + nasty + "\""),
                command("\"/bin/bash -lc '" + nasty + "'\""),
                describe("{\"type\":\"error\",\"message\":\"" + nasty + "\"}"),
                describe("{\"type\":\"turn.failed\",\"error\":{\"message\":\"" + nasty + "\"}}"),
                describe("{\"type\":\"thread.started\",\"thread_id\":\"" + nasty + "\"}"),
                item("item.completed", "{\"type\":\"reasoning\",\"text\":\"" + nasty + "\"}"),
                item("item.completed", "{\"type\":\"agent_message\",\"text\":\"" + nasty + "\"}"),
                item("item.started", "{\"type\":\"file_change\",\"changes\":[{\"path\":\"" + nasty + "\",\"kind\":\"add\"}]}"),
                item("item.completed", "{\"type\":\"web_search\",\"query\":\"" + nasty + "\"}"));
        for (String line : lines) {
            assertTrue(line.codePointCount(0, line.length()) <= ProgressView.MAX_LINE, line);
            assertFalse(line.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x202e), line);
            assertFalse(line.contains("[31m") || line.contains("0;title"), line);
        }
        assertTrue(lines.get(2).startsWith("⚠ red ALERT bell nul del c1 ls ps tab evil yyy"), lines.get(2));
    }

    @Test
    void surrogatePairsAreNotCutInHalf() {
        String emoji = "😀".repeat(400);
        String line = describe("{\"type\":\"error\",\"message\":\"" + emoji + "\"}");
        assertTrue(line.endsWith("…"));
        assertFalse(Character.isHighSurrogate(line.charAt(line.length() - 2)), "dangling high surrogate");
    }
}
