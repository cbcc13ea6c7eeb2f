package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTrackerTest {
    private static EventTracker feed(String... lines) {
        EventTracker t = new EventTracker();
        for (String line : lines) {
            t.accept(CodexEvent.parse(line));
        }
        return t;
    }

    @Test
    void happyRunGivesThreadUsageAndFinalMessage() {
        EventTracker t = feed(CapturedLines.HAPPY_RUN);
        assertEquals("01a20031-c6aa-7283-9df0-eddb03adf32f", t.threadId());
        assertEquals(JsonParser.parseString("{\"input_tokens\":20,\"cached_input_tokens\":0,\"output_tokens\":10,"
                + "\"reasoning_output_tokens\":0}"), t.usage());
        assertEquals("{\"goal_met\": true, \"summary\": \"wrote hello.txt\", \"followup_prompt\": \"\", \"notes\": \"\"}",
                t.lastAgentMessage());
        assertTrue(t.turnCompleted());
        assertFalse(t.turnFailed());
        assertNull(t.turnFailedMessage());
        assertEquals(List.of(), t.errors());
    }

    @Test
    void nothingSeenMeansNothingKnown() {
        EventTracker t = feed(CapturedLines.THREAD_STARTED, CapturedLines.TURN_STARTED);
        assertEquals("01a20031-c6aa-7283-9df0-eddb03adf32f", t.threadId());
        assertNull(t.usage());
        assertNull(t.lastAgentMessage());
        assertFalse(t.turnCompleted());
        assertFalse(t.turnFailed());
    }

    @Test
    void usageComesFromTheLastTurnCompleted() {
        EventTracker t = feed(CapturedLines.THREAD_STARTED, CapturedLines.TURN_COMPLETED,
                "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":45,\"cached_input_tokens\":12,\"output_tokens\":30,"
                        + "\"reasoning_output_tokens\":7,\"future_field\":1}}");
        JsonObject u = t.usage();
        assertEquals(45, u.get("input_tokens").getAsLong());
        assertEquals(12, u.get("cached_input_tokens").getAsLong());
        assertEquals(30, u.get("output_tokens").getAsLong());
        assertEquals(7, u.get("reasoning_output_tokens").getAsLong());
        assertEquals(4, u.size());
        u.addProperty("input_tokens", 0); // a copy: callers cannot change the tracker
        assertEquals(45, t.usage().get("input_tokens").getAsLong());
    }

    @Test
    void lastAgentMessageWins() {
        EventTracker t = feed("{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"first\"}}",
                "{\"type\":\"item.started\",\"item\":{\"type\":\"agent_message\",\"text\":\"not completed\"}}",
                "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"second\"}}");
        assertEquals("second", t.lastAgentMessage());
    }

    @Test
    void nestedApiErrorIsUnwrapped() {
        EventTracker t = feed(CapturedLines.THREAD_STARTED, CapturedLines.TURN_STARTED, CapturedLines.TURN_FAILED_NESTED);
        assertTrue(t.turnFailed());
        assertFalse(t.turnCompleted());
        assertEquals(CapturedLines.NESTED_INNER_MESSAGE, t.turnFailedMessage());
    }

    @Test
    void plainAndOddlyShapedFailuresKeepTheirText() {
        assertEquals("boom", feed("{\"type\":\"turn.failed\",\"error\":{\"message\":\"boom\"}}").turnFailedMessage());
        assertEquals("{not json", feed("{\"type\":\"turn.failed\",\"error\":{\"message\":\"{not json\"}}").turnFailedMessage());
        assertEquals("flat", feed("{\"type\":\"turn.failed\",\"error\":\"flat\"}").turnFailedMessage());
        assertEquals("turn failed", feed("{\"type\":\"turn.failed\"}").turnFailedMessage());
        assertEquals("inner", feed("{\"type\":\"turn.failed\",\"error\":{\"message\":\"{\\\"message\\\":\\\"inner\\\"}\"}}")
                .turnFailedMessage());
    }

    @Test
    void nonFatalErrorsAreKeptLastFewWithoutRepeats() {
        EventTracker t = feed(CapturedLines.ERROR_ITEM, CapturedLines.ERROR_EVENT, CapturedLines.ERROR_EVENT,
                CapturedLines.TURN_COMPLETED);
        assertEquals(List.of("Model metadata for `mock-model` not found. Defaulting to fallback metadata.",
                "Reconnecting... waiting for network (Connection failed: error sending request)"), t.errors());
        assertFalse(t.turnFailed());
        assertTrue(t.turnCompleted());

        EventTracker many = new EventTracker();
        for (int i = 1; i <= 8; i++) {
            many.accept(CodexEvent.parse("{\"type\":\"error\",\"message\":\"retry " + i + "\\nsecond line\"}"));
        }
        assertEquals(List.of("retry 4 second line", "retry 5 second line", "retry 6 second line", "retry 7 second line",
                "retry 8 second line"), many.errors());
    }

    @Test
    void unknownTruncatedAndMalformedInputIsIgnored() {
        EventTracker t = feed(CapturedLines.THREAD_STARTED,
                "{\"type\":\"session.configured\",\"model\":\"x\"}",
                "{\"type\":\"item.completed\",\"item\":{\"type\":\"collab_tool_call\",\"tool\":\"x\"}}",
                "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":{\"odd\":true}}}",
                "{\"type\":\"turn.completed\",\"usage\":\"none\"}",
                "{\"type\":\"item.completed\",\"item\":",
                "{\"type\":\"thread.started\",\"thread_id\":null}",
                "not json at all",
                "",
                CapturedLines.WEB_SEARCH_DUPLICATE_ID);
        t.accept(null);
        assertEquals("01a20031-c6aa-7283-9df0-eddb03adf32f", t.threadId());
        assertNull(t.lastAgentMessage());
        assertNull(t.usage());
        assertTrue(t.turnCompleted());
        assertEquals(List.of(), t.errors());
    }
}
