package dev.agentctl.view;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {
    private static RunMeta finished() {
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", 1200);
        usage.addProperty("cached_input_tokens", 400);
        usage.addProperty("output_tokens", 80);
        usage.addProperty("reasoning_output_tokens", 5);
        RunMeta m = RawMeta.create().put("run_id", "20260101-000000-abcdef").put("title", "fix\u001b[31m it")
                .put("project", "p").put("project_dir", "/src/p").put("profile", "spark").put("mode", "followup")
                .put("parent_run_id", "20260101-000000-000000").put("status", "finished").put("outcome", "goal_not_met")
                .put("goal_met", false).put("exit_code", 0).put("summary", "did half\nof it").put("followup_prompt", "do the rest")
                .put("notes", "").put("git_diff_stat", " a.txt | 2 +-\n 1 file changed").put("duration_s", 75.5).meta();
        m.json().add("usage", usage);
        return m;
    }

    @Test
    void theResultIsShownByItsFieldsNotAsRawJson() {
        List<String> r = RunReport.result(finished());
        assertEquals(RunReport.RULE, r.get(0));
        assertEquals("⚠️ goal_not_met · goal_met=false · exit 0 · 1m15s", r.get(1));
        assertTrue(r.contains("summary: did half of it"), r.toString());
        assertTrue(r.contains("follow-up: do the rest"), r.toString());
        assertFalse(r.stream().anyMatch(l -> l.startsWith("notes")), "blank fields are left out: " + r);
        assertTrue(r.contains("diff:") && r.contains("   a.txt | 2 +-"), r.toString());
        assertTrue(r.contains("tokens: 1200 in · 400 cached · 80 out · 5 reasoning"), r.toString());
        assertFalse(String.join("\n", r).contains("{"), r.toString());
    }

    @Test
    void theHeaderNamesTheRunAndWhatItContinuesWithoutControlCharacters() {
        List<String> h = RunReport.header(finished());
        assertEquals("agentctl run 20260101-000000-abcdef — fix it", h.get(0).replace("  ", " "));
        assertTrue(h.get(1).contains("follow-up to 20260101-000000-000000"), h.get(1));
        assertFalse(String.join("", h).contains("\u001b"));
    }

    @Test
    void thePaneTitleCarriesIdTitleAndState() {
        assertEquals("20260101-000000-abcdef fix it · goal_not_met", PaneTitle.of(finished()).replace("  ", " "));
        assertEquals("r1 · running", PaneTitle.of(RunId.of("r1"), null, "running"));
        assertTrue(PaneTitle.of(RunId.of("r1"), "x".repeat(500), "running").length() <= PaneTitle.MAX);
    }
}
