package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CodexEventTest {
    @Test
    void parsesTypeAndItem() {
        CodexEvent e = CodexEvent.parse(CapturedLines.COMMAND_COMPLETED);
        assertEquals("item.completed", e.type());
        assertEquals("command_execution", e.itemType());
        assertEquals(0, e.item().get("exit_code").getAsInt());
        CodexEvent t = CodexEvent.parse(CapturedLines.THREAD_STARTED);
        assertEquals("thread.started", t.type());
        assertNull(t.item());
        assertEquals("", t.itemType());
    }

    @Test
    void webSearchItemWithTheIdKeyTwiceParses() {
        CodexEvent e = CodexEvent.parse(CapturedLines.WEB_SEARCH_DUPLICATE_ID);
        assertNotNull(e);
        assertEquals("web_search", e.itemType());
        assertEquals("gson duplicate keys", e.item().get("query").getAsString());
    }

    @Test
    void blankTruncatedAndNonObjectLinesGiveNull() {
        String truncated = CapturedLines.AGENT_MESSAGE.substring(0, CapturedLines.AGENT_MESSAGE.length() - 7);
        for (String line : new String[] {null, "", "   ", "Reading prompt from stdin...", truncated, "[1,2]", "\"text\"",
                "42", "{\"type\":\"turn.started\"} trailing", "{", "}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" .repeat(1000)}) {
            assertNull(CodexEvent.parse(line), String.valueOf(line));
        }
    }

    @Test
    void objectWithoutStringTypeHasEmptyType() {
        assertEquals("", CodexEvent.parse("{\"foo\":1}").type());
        assertEquals("", CodexEvent.parse("{\"type\":{\"x\":1}}").type());
        assertEquals("", CodexEvent.parse("{\"type\":\"item.completed\",\"item\":\"not an object\"}").itemType());
    }

    @Test
    void surroundingWhitespaceAndCarriageReturnAreTolerated() {
        assertEquals("turn.started", CodexEvent.parse("  " + CapturedLines.TURN_STARTED + "\r").type());
    }
}
