package dev.agentctl.claude;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeTurnTest {
    private static ClaudeTurn feed(String... lines) {
        ClaudeTurn t = new ClaudeTurn();
        for (String l : lines) t.accept(l);
        return t;
    }

    @Test
    void aSuccessfulRunGivesSessionResultUsageAndCost() {
        ClaudeTurn t = feed(ClaudeLines.INIT, ClaudeLines.BASH_CALL, ClaudeLines.BASH_RESULT, ClaudeLines.RESULT_CALL,
                ClaudeLines.SUCCESS);
        assertEquals(ClaudeLines.SESSION, t.sessionId());
        assertTrue(t.completed());
        assertNull(t.failure());
        AgentResult r = t.result(Path.of("unused"));
        assertEquals(new AgentResult(true, "did it", "", "", null), r);
        assertEquals(0.001616, t.costUsd(), 1e-9);
        JsonObject u = t.usage();
        assertEquals(280, u.get("input_tokens").getAsLong(), "Anthropic's input excludes cache reads: " + u);
        assertEquals(80, u.get("cached_input_tokens").getAsLong());
        assertEquals(40, u.get("output_tokens").getAsLong());
        assertEquals(0, u.get("reasoning_output_tokens").getAsLong());
    }

    @Test
    void theSessionIdIsKnownFromInitOnAndMarksTheEventImportant() {
        ClaudeTurn t = new ClaudeTurn();
        assertNull(t.sessionId());
        AgentEvent init = t.accept(ClaudeLines.INIT);
        assertTrue(init.important());
        assertEquals(ClaudeLines.SESSION, t.sessionId());
        assertFalse(t.accept(ClaudeLines.BASH_CALL).important());
        assertFalse(t.completed(), "no result yet");
        assertNull(t.usage());
        assertNull(t.costUsd());
        assertTrue(t.accept(ClaudeLines.SUCCESS).important());
    }

    @Test
    void noStructuredOutputIsAFailureEvenThoughClaudeSaysSuccess() {
        ClaudeTurn t = feed(ClaudeLines.INIT, ClaudeLines.NO_STRUCTURED);
        assertFalse(t.completed());
        assertEquals(ClaudeTurn.NO_STRUCTURED_RESULT, t.failure());
        assertEquals(new AgentResult(null, null, null, null, null), t.result(Path.of("unused")));
        assertEquals(100, t.usage().get("input_tokens").getAsLong());
    }

    @Test
    void anApiErrorFailsWithClaudesText() {
        ClaudeTurn t = feed(ClaudeLines.INIT, ClaudeLines.API_ERROR);
        assertFalse(t.completed());
        assertTrue(t.failure().startsWith("API Error: 500 boom."), t.failure());
        assertEquals(0.0, t.costUsd());
    }

    @Test
    void anErrorSubtypeWithoutTextFailsWithTheSubtype() {
        assertEquals("error_max_turns", feed(ClaudeLines.MAX_TURNS).failure());
        assertEquals("No conversation found with session ID: 00000000-0000-0000-0000-000000000000",
                feed(ClaudeLines.UNKNOWN_SESSION).failure(), "the errors list when there is no text");
    }

    @Test
    void junkLinesAreNoEventsAndNeverThrow() {
        ClaudeTurn t = new ClaudeTurn();
        for (String junk : new String[] {"", "   ", "not json", "[1,2]", "{\"type\":", "{}", "{\"type\":\"result\"}", "null"}) {
            AgentEvent e = t.accept(junk);
            if (e != null) assertNotNull(e.progress());
        }
        assertNull(t.accept("nope"));
        assertNull(t.accept("[]"));
    }

    @Test
    void progressShowsCommandsResultsDenialsAndTheEnd() {
        ClaudeTurn t = new ClaudeTurn();
        assertEquals(List.of("▶ session " + ClaudeLines.SESSION + " · model claude-opus-5-5 · bypassPermissions"),
                t.accept(ClaudeLines.INIT).progress());
        assertEquals(List.of("$ echo hello > hello.txt"), t.accept(ClaudeLines.BASH_CALL).progress());
        assertEquals(List.of("  ↳ done"), t.accept(ClaudeLines.BASH_RESULT).progress());
        assertEquals(List.of("⚠ permission denied: Bash: Output redirection to '/tmp/cl/proj/hello.txt' needs approval."),
                t.accept(ClaudeLines.DENIED).progress());
        assertEquals(List.of("  ↳ error: Output redirection to '/tmp/cl/proj/hello.txt' needs approval."),
                t.accept(ClaudeLines.DENIED_RESULT).progress());
        assertEquals(List.of("✔ result: goal_met=true"), t.accept(ClaudeLines.RESULT_CALL).progress());
        assertEquals(List.of("✔ session completed (3 turns, tokens 280 in / 40 out, $0.001616)"),
                t.accept(ClaudeLines.SUCCESS).progress());
        assertEquals(List.of("✖ no structured result (2 turns, tokens 100 in / 20 out, $0.0008)"),
                new ClaudeTurn().accept(ClaudeLines.NO_STRUCTURED).progress());
    }

    @Test
    void progressLinesAreOneTerminalSafeLine() {
        String hostile = "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\\u001b[31mred\\nline\\u0007\"},"
                + "{\"type\":\"tool_use\",\"name\":\"Bash\",\"input\":{\"command\":\"" + "x".repeat(1000) + "\"}}]}}";
        List<String> lines = new ClaudeTurn().accept(hostile).progress();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("💬 ared line", lines.get(0));
        assertTrue(lines.get(1).codePointCount(0, lines.get(1).length()) <= ClaudeProgress.MAX_LINE, lines.get(1));
        for (String l : lines) assertFalse(l.chars().anyMatch(c -> c < 0x20), l);
    }
}
