package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskPromptTest {
    private static RunMeta result(String id, String summary) {
        JsonObject o = new JsonObject();
        o.addProperty(RunMeta.RUN_ID, id);
        o.addProperty(RunMeta.SUMMARY, summary);
        o.addProperty(RunMeta.GIT_DIFF_STAT, " 1 file changed");
        return new RunMeta(o);
    }

    @Test
    void fillsKnownFieldsOfKnownTasksAndLeavesTheRest() {
        Map<String, RunMeta> results = Map.of("api", result("r-1", "API is fine $1 \\"), "db", result("r-2", null));
        byte[] filled = TaskPrompt.fill("A: {{api.summary}} ({{api.run_id}}, {{api.diff_stat}})\nD: [{{db.summary}}] {{x.summary}} {{api.nope}}"
                .getBytes(StandardCharsets.UTF_8), results::get);
        assertEquals("A: API is fine $1 \\ (r-1,  1 file changed)\nD: [] {{x.summary}} {{api.nope}}", new String(filled, StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8SurviveAndValuesAreUtf8() {
        byte[] template = {(byte) 0xff, '{', '{', 'a', '.', 's', 'u', 'm', 'm', 'a', 'r', 'y', '}', '}', (byte) 0xfe};
        byte[] filled = TaskPrompt.fill(template, id -> result("r", "é"));
        byte[] expected = {(byte) 0xff, (byte) 0xc3, (byte) 0xa9, (byte) 0xfe};
        assertArrayEquals(expected, filled);
    }

    @Test
    void referencesAreFoundForValidation() {
        assertEquals(List.of(new TaskPrompt.Reference("a-1", "summary"), new TaskPrompt.Reference("b_2", "colour")),
                TaskPrompt.references("x {{a-1.summary}} {{b_2.colour}} {{ c.summary }}"));
    }
}
