package dev.agentctl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgentResultTest {
    private static final String GOOD = "{\"goal_met\": true, \"summary\": \"wrote hello.txt\", \"followup_prompt\": \"\", \"notes\": \"n\"}";

    @Test
    void validObjectGivesFields() {
        assertEquals(new AgentResult(true, "wrote hello.txt", "", "n", null), AgentResult.parse(GOOD));
        assertEquals(new AgentResult(false, "s", "do more", "", null), AgentResult.parse(
                "{\"goal_met\":false,\"summary\":\"s\",\"followup_prompt\":\"do more\",\"notes\":\"\"}"));
    }

    @Test
    void nullOrBlankGivesNothing() {
        AgentResult none = new AgentResult(null, null, null, null, null);
        assertEquals(none, AgentResult.parse(null));
        assertEquals(none, AgentResult.parse(""));
        assertEquals(none, AgentResult.parse(" \n\t"));
    }

    @Test
    void fencesAndWhitespaceAreTolerated() {
        AgentResult expected = new AgentResult(true, "wrote hello.txt", "", "n", null);
        assertEquals(expected, AgentResult.parse("\n  " + GOOD + "\n\n"));
        assertEquals(expected, AgentResult.parse("```json\n" + GOOD + "\n```"));
        assertEquals(expected, AgentResult.parse("  ```\r\n" + GOOD + "\r\n```  \n"));
        assertEquals(expected, AgentResult.parse("```json\n" + GOOD + "```"));
    }

    @Test
    void missingOptionalFieldsAreNullAndUnknownOnesIgnored() {
        assertEquals(new AgentResult(true, null, null, null, null), AgentResult.parse("{\"goal_met\":true,\"extra\":[1]}"));
        assertEquals(new AgentResult(true, "s", null, null, null), AgentResult.parse("{\"goal_met\":true,\"summary\":\"s\",\"notes\":null}"));
    }

    @Test
    void anythingElseIsKeptRaw() {
        for (String text : new String[] {
                "I could not finish the task.",
                "{\"goal_met\": \"true\", \"summary\": \"s\"}",
                "{\"goal_met\": 1}",
                "{\"summary\": \"no goal\"}",
                "{\"goal_met\": true, \"summary\": 5}",
                "{\"goal_met\": true, \"summary\": {\"a\": 1}}",
                "[{\"goal_met\": true}]",
                "{\"goal_met\": true",
                "Here it is: " + GOOD,
                GOOD + " and more",
                "```json\n{\"goal_met\": \"yes\"}\n```",
                "\"just a string\""}) {
            assertEquals(new AgentResult(null, null, null, null, text), AgentResult.parse(text), text);
        }
    }
}
