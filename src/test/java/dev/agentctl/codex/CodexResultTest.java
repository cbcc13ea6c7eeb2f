package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodexResultTest {
    private static final String GOOD = "{\"goal_met\": true, \"summary\": \"wrote hello.txt\", \"followup_prompt\": \"\", \"notes\": \"n\"}";

    @Test
    void validObjectGivesFields() {
        assertEquals(new CodexResult(true, "wrote hello.txt", "", "n", null), CodexResult.parse(GOOD));
        assertEquals(new CodexResult(false, "s", "do more", "", null), CodexResult.parse(
                "{\"goal_met\":false,\"summary\":\"s\",\"followup_prompt\":\"do more\",\"notes\":\"\"}"));
    }

    @Test
    void nullOrBlankGivesNothing() {
        CodexResult none = new CodexResult(null, null, null, null, null);
        assertEquals(none, CodexResult.parse(null));
        assertEquals(none, CodexResult.parse(""));
        assertEquals(none, CodexResult.parse(" \n\t"));
    }

    @Test
    void fencesAndWhitespaceAreTolerated() {
        CodexResult expected = new CodexResult(true, "wrote hello.txt", "", "n", null);
        assertEquals(expected, CodexResult.parse("\n  " + GOOD + "\n\n"));
        assertEquals(expected, CodexResult.parse("```json\n" + GOOD + "\n```"));
        assertEquals(expected, CodexResult.parse("  ```\r\n" + GOOD + "\r\n```  \n"));
        assertEquals(expected, CodexResult.parse("```json\n" + GOOD + "```"));
    }

    @Test
    void missingOptionalFieldsAreNullAndUnknownOnesIgnored() {
        assertEquals(new CodexResult(true, null, null, null, null), CodexResult.parse("{\"goal_met\":true,\"extra\":[1]}"));
        assertEquals(new CodexResult(true, "s", null, null, null), CodexResult.parse("{\"goal_met\":true,\"summary\":\"s\",\"notes\":null}"));
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
            assertEquals(new CodexResult(null, null, null, null, text), CodexResult.parse(text), text);
        }
    }
}
