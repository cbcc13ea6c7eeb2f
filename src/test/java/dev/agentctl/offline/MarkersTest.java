package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkersTest {
    @Test
    void valueRunsUpToTheFirstClosingBrackets() {
        assertEquals(Optional.of("echo [x] > a.txt"),
                Markers.find("do [[mock-cmd:echo [x] > a.txt]] please ]]", Markers.COMMAND));
    }

    @Test
    void lastMarkerInATextWins() {
        assertEquals(Optional.of("fail"), Markers.find("[[mock:hang]] then [[mock:fail]]", Markers.SCENARIO));
    }

    @Test
    void unclosedOrAbsentMarkerIsEmpty() {
        assertTrue(Markers.find("[[mock:hang", Markers.SCENARIO).isEmpty());
        assertTrue(Markers.find("nothing here", Markers.SCENARIO).isEmpty());
        assertTrue(Markers.find(null, Markers.SCENARIO).isEmpty());
        // [[mock-cmd:...]] must not be read as a [[mock:...]] marker
        assertTrue(Markers.find("[[mock-cmd:ls]]", Markers.SCENARIO).isEmpty());
    }

    @Test
    void buildersRoundTrip() {
        String prompt = Markers.scenario(Scenario.GOAL_NOT_MET) + Markers.command("touch a") + Markers.delay(3);
        assertEquals(Optional.of("goal_not_met"), Markers.find(prompt, Markers.SCENARIO));
        assertEquals(Optional.of("touch a"), Markers.find(prompt, Markers.COMMAND));
        assertEquals(Optional.of("3"), Markers.find(prompt, Markers.DELAY));
        assertThrows(IllegalArgumentException.class, () -> Markers.command("echo ]]"));
    }

    @Test
    void scenarioNamesAreCaseInsensitive() {
        assertEquals(Optional.of(Scenario.GOAL_NOT_MET), Scenario.byMarkerName(" Goal_Not_Met "));
        assertFalse(Scenario.byMarkerName("nope").isPresent());
    }

    @Test
    void latestUserMessageWithAMarkerWinsAndOtherRolesAreIgnored() {
        ResponsesRequest request = new ResponsesRequest(body("["
                + "{'type':'message','role':'developer','content':[{'type':'input_text','text':'[[mock:fail]]'}]},"
                + "{'type':'message','role':'user','content':[{'type':'input_text','text':'first [[mock:hang]]'}]},"
                + "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'[[mock:fail]]'}]},"
                + "{'type':'message','role':'user','content':[{'type':'input_text','text':'again [[mock:slow]]'}]},"
                + "{'type':'message','role':'user','content':'no marker in this one'}]"));
        assertEquals(Optional.of("slow"), request.marker(Markers.SCENARIO));
        assertTrue(request.hasEarlierAssistantMessage());
        assertFalse(request.hasToolOutputInCurrentTurn());
    }

    @Test
    void toolOutputCountsOnlyAfterTheLatestUserMessage() {
        String earlierTurn = "{'type':'message','role':'user','content':[{'type':'input_text','text':'one'}]},"
                + "{'type':'function_call','call_id':'c1','name':'exec_command','arguments':'{}'},"
                + "{'type':'function_call_output','call_id':'c1','output':'ok'}";
        assertTrue(new ResponsesRequest(body("[" + earlierTurn + "]")).hasToolOutputInCurrentTurn());
        assertFalse(new ResponsesRequest(body("[" + earlierTurn
                + ",{'type':'message','role':'user','content':[{'type':'input_text','text':'two'}]}]"))
                .hasToolOutputInCurrentTurn());
    }

    static JsonObject body(String inputArray) {
        return JsonParser.parseString("{'model':'gpt-5.5','input':" + inputArray + "}").getAsJsonObject();
    }
}
