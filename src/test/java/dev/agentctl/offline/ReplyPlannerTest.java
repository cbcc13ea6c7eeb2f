package dev.agentctl.offline;

import static dev.agentctl.offline.MarkersTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.workspace.OutputSchema;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyPlannerTest {
    private final ReplyPlanner planner = new ReplyPlanner();

    private static String user(String text) {
        JsonObject part = new JsonObject();
        part.addProperty("type", "input_text");
        part.addProperty("text", text);
        return "{'type':'message','role':'user','content':[" + part + "]}";
    }

    private static final String TOOL_ROUND_TRIP =
            "{'type':'function_call','call_id':'c1','name':'exec_command','arguments':'{}'},"
            + "{'type':'function_call_output','call_id':'c1','output':'Process exited with code 0'}";

    private Reply plan(String inputArray) {
        return planner.plan(new ResponsesRequest(body(inputArray)));
    }

    private static JsonObject item(Reply reply) {
        assertEquals(Reply.Kind.STREAM, reply.kind);
        assertEquals(3, reply.events.size());
        assertEquals("response.created", reply.events.get(0).get("type").getAsString());
        assertEquals("response.completed", reply.events.get(2).get("type").getAsString());
        return reply.events.get(1).getAsJsonObject("item");
    }

    private static JsonObject finalResult(Reply reply) {
        JsonObject item = item(reply);
        assertEquals("assistant", item.get("role").getAsString());
        String text = item.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static String command(Reply reply) {
        JsonObject item = item(reply);
        assertEquals("exec_command", item.get("name").getAsString());
        return JsonParser.parseString(item.get("arguments").getAsString()).getAsJsonObject().get("cmd").getAsString();
    }

    @Test
    void withoutMarkerTheModelRunsTheDefaultCommandThenSucceeds() {
        assertEquals("echo hello > hello.txt", command(plan("[" + user("just do it") + "]")));
        JsonObject result = finalResult(plan("[" + user("just do it") + "," + TOOL_ROUND_TRIP + "]"));
        assertTrue(result.get("goal_met").getAsBoolean());
        assertTrue(result.get("summary").getAsString().contains("echo hello > hello.txt"));
        assertEquals("", result.get("followup_prompt").getAsString());
    }

    @Test
    void commandMarkerChoosesTheCommand() {
        String prompt = user("[[mock:succeed]] [[mock-cmd:touch made.txt]]");
        assertEquals("touch made.txt", command(plan("[" + prompt + "]")));
        assertTrue(finalResult(plan("[" + prompt + "," + TOOL_ROUND_TRIP + "]"))
                .get("summary").getAsString().contains("touch made.txt"));
    }

    @Test
    void goalNotMetAsksForAFollowupUntilTheThreadIsResumed() {
        String first = user("[[mock:goal_not_met]]");
        JsonObject result = finalResult(plan("[" + first + "]"));
        assertFalse(result.get("goal_met").getAsBoolean());
        assertEquals(ReplyPlanner.FOLLOWUP_PROMPT, result.get("followup_prompt").getAsString());

        String earlierAnswer = "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'x'}]}";
        JsonObject resumed = finalResult(plan("[" + first + "," + earlierAnswer + "," + user("go on") + "]"));
        assertTrue(resumed.get("goal_met").getAsBoolean());
    }

    @Test
    void aResumedGoalNotMetThreadRunsTheMissingCommandBeforeReportingSuccess() {
        String first = user("[[mock:goal_not_met]] [[mock-cmd:touch CHANGELOG.md]]");
        assertFalse(finalResult(plan("[" + first + "]")).get("goal_met").getAsBoolean(), "the first turn runs nothing");
        String earlierAnswer = "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'x'}]}";
        String resumed = "[" + first + "," + earlierAnswer + "," + user("go on") + "]";
        assertEquals("touch CHANGELOG.md", command(plan(resumed)));
        String done = "[" + first + "," + earlierAnswer + "," + user("go on") + "," + TOOL_ROUND_TRIP + "]";
        assertTrue(finalResult(plan(done)).get("goal_met").getAsBoolean());
    }

    @Test
    void failAnswersHttp500() {
        Reply reply = plan("[" + user("[[mock:fail]]") + "]");
        assertEquals(Reply.Kind.ERROR, reply.kind);
        assertEquals(500, reply.status);
        assertEquals("server_error", reply.errorBody.getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void hangNeverAnswers() {
        assertEquals(Reply.Kind.HANG, plan("[" + user("[[mock:hang]]") + "]").kind);
    }

    @Test
    void slowDelaysOnlyTheFirstResponseOfTheTurn() {
        String prompt = user("[[mock:slow]][[mock-delay:2.5]]");
        Reply first = plan("[" + prompt + "]");
        assertEquals(Duration.ofMillis(2500), first.delay);
        assertEquals("echo hello > hello.txt", command(first));
        assertEquals(Duration.ZERO, plan("[" + prompt + "," + TOOL_ROUND_TRIP + "]").delay);
        assertEquals(ReplyPlanner.DEFAULT_SLOW_DELAY, plan("[" + user("[[mock:slow]]") + "]").delay);
    }

    @Test
    void unknownScenarioIsAnErrorNotASilentDefault() {
        Reply reply = plan("[" + user("[[mock:sucess]]") + "]");
        assertEquals(400, reply.status);
        assertTrue(reply.errorBody.toString().contains("sucess"));
    }

    @Test
    void laxOutputSchemaIsRejectedLikeTheRealApi() {
        JsonObject body = body("[" + user("hi") + "]");
        body.add("text", JsonParser.parseString("{'format':{'type':'json_schema','name':'codex_output_schema',"
                + "'strict':true,'schema':{'type':'object','properties':{'a':{'type':'string'}}}}}"));
        Reply reply = planner.plan(new ResponsesRequest(body));
        assertEquals(400, reply.status);
        JsonObject error = reply.errorBody.getAsJsonObject("error");
        assertEquals("invalid_json_schema", error.get("code").getAsString());
        assertTrue(error.get("message").getAsString().contains("'additionalProperties' is required"));

        body.getAsJsonObject("text").getAsJsonObject("format").add("schema", JsonParser.parseString(OutputSchema.TEXT));
        assertEquals(Reply.Kind.STREAM, planner.plan(new ResponsesRequest(body)).kind);
    }

    @Test
    void finalMessageOverrideAppliesToPromptsWithItsMarker() {
        planner.setFinalMessage("TASK-7", "{\"goal_met\":true,\"summary\":\"custom\",\"followup_prompt\":\"\",\"notes\":\"n\"}");
        assertEquals("custom", finalResult(plan("[" + user("[[mock:goal_not_met]] TASK-7") + "]"))
                .get("summary").getAsString());
        assertFalse(finalResult(plan("[" + user("[[mock:goal_not_met]] TASK-8") + "]")).get("goal_met").getAsBoolean());
    }

    @Test
    void callIdsAreUniqueAcrossPlannerInstances() {
        String a = item(plan("[" + user("x") + "]")).get("call_id").getAsString();
        String b = item(new ReplyPlanner().plan(new ResponsesRequest(body("[" + user("x") + "]")))).get("call_id").getAsString();
        assertFalse(a.equals(b));
    }

    @Test
    void mcpToolScenarioCallsTheToolInItsServersNamespaceThenQuotesTheAnswer() {
        String prompt = user("Start a child " + Markers.mcpCall("agentctl", "start_run", "{\"prompt\":\"child\"}"));
        JsonObject call = item(plan("[" + prompt + "]"));
        assertEquals("function_call", call.get("type").getAsString());
        assertEquals("mcp__agentctl", call.get("namespace").getAsString());
        assertEquals("start_run", call.get("name").getAsString());
        assertEquals("{\"prompt\":\"child\"}", call.get("arguments").getAsString());
        String answered = "{'type':'function_call','call_id':'c1','namespace':'mcp__agentctl','name':'start_run','arguments':'{}'},"
                + "{'type':'function_call_output','call_id':'c1','output':'run 42 started'}";
        String refused = "{'type':'function_call','call_id':'c0','namespace':'mcp__agentctl','name':'start_run','arguments':'{}'},"
                + "{'type':'function_call_output','call_id':'c0','output':'unsupported call: mcp__agentctlstart_run'}";
        assertEquals("mcp__agentctl", item(plan("[" + prompt + "," + refused + "]")).get("namespace").getAsString(),
                "a call refused before codex listed the server's tools is repeated");
        JsonObject result = finalResult(plan("[" + prompt + "," + refused + "," + answered + "]"));
        assertTrue(result.get("goal_met").getAsBoolean());
        assertEquals("Called agentctl/start_run; it answered: run 42 started", result.get("summary").getAsString());
    }

    @Test
    void mcpToolScenarioWithoutATargetIsAnError() {
        Reply r = plan("[" + user("[[mock:mcp_tool]]") + "]");
        assertEquals(Reply.Kind.ERROR, r.kind);
        assertEquals(400, r.status);
    }
}
