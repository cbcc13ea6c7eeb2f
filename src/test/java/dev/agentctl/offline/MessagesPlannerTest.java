package dev.agentctl.offline;

import static dev.agentctl.offline.MessagesRequestTest.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesPlannerTest {
    private final MessagesPlanner planner = new MessagesPlanner();

    private static List<AnthropicSseReader.Block> blocks(Reply r) throws Exception {
        assertEquals(Reply.Kind.STREAM, r.kind);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AnthropicSseWriter w = new AnthropicSseWriter(out);
        for (JsonObject e : r.events) w.send(e);
        return AnthropicSseReader.blocks(AnthropicSseReader.frames(out.toString(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void succeedRunsTheCommandThroughBashThenReportsThroughTheResultTool() throws Exception {
        List<AnthropicSseReader.Block> first = blocks(planner.plan(request(prompt("Edit [[mock-cmd:echo x > y]]"), RESULT_TOOL)));
        assertEquals("Bash", first.get(0).toolName());
        assertEquals("echo x > y", first.get(0).input().get("command").getAsString());
        List<AnthropicSseReader.Block> second = blocks(planner.plan(request(prompt("Edit [[mock-cmd:echo x > y]]") + ","
                + toolUse("t1", "Bash") + "," + toolResult("t1", null), RESULT_TOOL)));
        assertEquals("StructuredOutput", second.get(0).toolName());
        assertTrue(second.get(0).input().get("goal_met").getAsBoolean());
        assertEquals("Ran `echo x > y` as asked.", second.get(0).input().get("summary").getAsString());
        List<AnthropicSseReader.Block> after = blocks(planner.plan(request(prompt("Edit") + "," + toolUse("t1", "Bash") + ","
                + toolResult("t1", null) + "," + toolUse("t2", "StructuredOutput") + "," + toolResult("t2", null), RESULT_TOOL)));
        assertEquals("text", after.get(0).type(), "after the result only a closing text");
    }

    @Test
    void withoutAResultToolTheResultIsJsonText() throws Exception {
        List<AnthropicSseReader.Block> b = blocks(planner.plan(request(prompt("[[mock:goal_not_met]]"), "")));
        assertEquals("text", b.get(0).type());
        assertTrue(b.get(0).text().contains("\"goal_met\":false"), b.get(0).text());
    }

    @Test
    void goalNotMetAsksForAFollowupAndAResumedSessionMeetsIt() throws Exception {
        JsonObject first = blocks(planner.plan(request(prompt("[[mock:goal_not_met]]"), RESULT_TOOL))).get(0).input();
        assertFalse(first.get("goal_met").getAsBoolean());
        assertEquals(ReplyPlanner.FOLLOWUP_PROMPT, first.get("followup_prompt").getAsString());
        JsonObject resumed = blocks(planner.plan(request(prompt("[[mock:goal_not_met]]") + "," + toolUse("t1", "StructuredOutput")
                + "," + toolResult("t1", "{\"type\":\"text\",\"text\":\"go on\"}"), RESULT_TOOL))).get(0).input();
        assertTrue(resumed.get("goal_met").getAsBoolean());
    }

    @Test
    void failHangNoResultAndUnknownScenarios() throws Exception {
        Reply fail = planner.plan(request(prompt("[[mock:fail]]"), RESULT_TOOL));
        assertEquals(Reply.Kind.ERROR, fail.kind);
        assertEquals(500, fail.status);
        assertEquals("api_error", fail.errorBody.getAsJsonObject("error").get("type").getAsString());
        assertEquals(Reply.Kind.HANG, planner.plan(request(prompt("[[mock:hang]]"), RESULT_TOOL)).kind);
        assertEquals(MessagesPlanner.NO_RESULT_TEXT, blocks(planner.plan(request(prompt("[[mock:no_result]]"), RESULT_TOOL))).get(0).text());
        Reply unknown = planner.plan(request(prompt("[[mock:nonsense]]"), RESULT_TOOL));
        assertEquals(400, unknown.status);
        Reply slow = planner.plan(request(prompt("[[mock:slow]] [[mock-delay:3]]"), RESULT_TOOL));
        assertEquals(java.time.Duration.ofSeconds(3), slow.delay);
    }

    @Test
    void idsDoNotRepeat() throws Exception {
        Reply a = planner.plan(request(prompt("x"), RESULT_TOOL));
        Reply b = planner.plan(request(prompt("x"), RESULT_TOOL));
        assertNotEquals(a.events.get(0).getAsJsonObject("message").get("id"), b.events.get(0).getAsJsonObject("message").get("id"));
    }
}
