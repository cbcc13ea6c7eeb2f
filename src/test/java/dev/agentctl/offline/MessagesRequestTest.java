package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.store.Json;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesRequestTest {
    static final String REMINDER = "{\"type\":\"text\",\"text\":\"<system-reminder>\\nAttribution [[mock:fail]]\\n</system-reminder>\\n\"}";
    static final String RESULT_TOOL = "{\"name\":\"StructuredOutput\",\"input_schema\":{\"type\":\"object\",\"properties\":"
            + "{\"goal_met\":{\"type\":\"boolean\"}}}}";

    static MessagesRequest request(String messages, String tools) {
        return new MessagesRequest(Json.parseObject("{\"model\":\"claude-x\",\"stream\":true,\"messages\":[" + messages + "],"
                + "\"tools\":[" + tools + "]}", "test"));
    }

    static String prompt(String text) {
        return "{\"role\":\"user\",\"content\":[" + REMINDER + ",{\"type\":\"text\",\"text\":" + Json.of(text) + "}]}";
    }

    static String toolUse(String id, String name) {
        return "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":{}}]}";
    }

    static String toolResult(String id, String extraBlock) {
        return "{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"" + id + "\",\"type\":\"tool_result\",\"content\":\"ok\"}"
                + (extraBlock == null ? "" : "," + extraBlock) + "]}";
    }

    @Test
    void aFirstRequestHasOnePromptAndNothingDoneYet() {
        MessagesRequest r = request(prompt("Do it [[mock:goal_not_met]]") + ",{\"role\":\"system\",\"content\":\"env\"}", RESULT_TOOL);
        assertEquals(1, r.promptTexts().size());
        assertEquals(Optional.of("goal_not_met"), r.marker(Markers.SCENARIO), "markers in system reminders are not the user's");
        assertEquals(Set.of(), r.toolResultsInCurrentTurn());
        assertFalse(r.hasEarlierAssistantMessage());
        assertEquals(Optional.of("StructuredOutput"), r.resultTool());
        assertEquals("claude-x", r.model());
    }

    @Test
    void toolResultsOfTheCurrentTurnAreNamedByTheirCalls() {
        MessagesRequest r = request(prompt("go") + "," + toolUse("t1", "Bash") + "," + toolResult("t1", REMINDER), RESULT_TOOL);
        assertEquals(Set.of("Bash"), r.toolResultsInCurrentTurn(), "a reminder beside a tool result makes no prompt");
        assertFalse(r.hasEarlierAssistantMessage());
    }

    @Test
    void aResumedPromptMergedIntoTheLastToolResultsStartsANewTurn() {
        // Claude Code merges the new prompt into the user message that carries the previous turn's last result.
        MessagesRequest r = request(prompt("first [[mock:goal_not_met]]") + "," + toolUse("t1", "StructuredOutput") + ","
                + toolResult("t1", "{\"type\":\"text\",\"text\":\"Finish the step\"}"), RESULT_TOOL);
        assertEquals(2, r.promptTexts().size());
        assertEquals(Set.of(), r.toolResultsInCurrentTurn());
        assertTrue(r.hasEarlierAssistantMessage());
        assertEquals(Optional.of("goal_not_met"), r.marker(Markers.SCENARIO), "an earlier prompt's marker still counts");
    }

    @Test
    void aPlainStringContentIsAPrompt() {
        MessagesRequest r = request(prompt("a") + "," + toolUse("t1", "StructuredOutput") + ",{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"No response requested.\"}]},{\"role\":\"user\",\"content\":\"second [[mock-cmd:ls]]\"}", "");
        assertEquals(Optional.of("ls"), r.marker(Markers.COMMAND));
        assertTrue(r.hasEarlierAssistantMessage());
        assertEquals(Optional.empty(), r.resultTool(), "no --json-schema, no result tool");
    }

    @Test
    void theResultToolIsFoundByItsSchemaWhateverItsName() {
        assertEquals(Optional.of("ReturnResult"), request(prompt("x"),
                RESULT_TOOL.replace("StructuredOutput", "ReturnResult")).resultTool());
        assertEquals(Optional.of("StructuredOutput"), request(prompt("x"), "{\"name\":\"StructuredOutput\"}").resultTool());
    }

    @Test
    void oddBodiesAreTolerated() {
        MessagesRequest r = new MessagesRequest(Json.parseObject("{\"messages\":[1,{\"role\":\"user\"},{\"content\":[]}],\"tools\":{}}", "t"));
        assertEquals(0, r.promptTexts().size());
        assertEquals(Set.of(), r.toolResultsInCurrentTurn());
        assertEquals(Optional.empty(), r.resultTool());
        assertEquals("offline-model", r.model());
    }
}
