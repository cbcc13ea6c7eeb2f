package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupReportTest {
    private static RunMeta run(String id, String group, String spawnedBy, String status, String outcome, long inputTokens) {
        RunMeta m = RawMeta.create().put("run_id", id).put("group", group).put("spawned_by", spawnedBy).put("status", status)
                .put("outcome", outcome).put("profile", "spark").put("title", "t " + id).put("created_at", "2026-01-01T00:00:0" + id.charAt(id.length() - 1) + "Z")
                .meta();
        m.json().add("usage", JsonParser.parseString("{\"input_tokens\": " + inputTokens + ", \"output_tokens\": 1}"));
        return m;
    }

    @Test
    void countsTheGroupsRunsAndShowsWhoStartedWhom() {
        Group g = new Group("g", "a task", "P1", 2, null, "2026-01-01T00:00:00Z", 4);
        List<RunMeta> runs = List.of(run("r1", "g", null, "finished", "succeeded", 10), run("r2", "g", "r1", "finished", "failed", 5),
                run("r3", "g", "r2", "running", null, 1), run("r4", "other", null, "finished", "succeeded", 100),
                run("r5", "g", "r9", "queued", null, 0));
        JsonObject v = new JsonObject();
        v.addProperty("group", "g");
        v.addProperty("message", "refused: max_depth 3 reached (parent r3 is at depth 3)");
        JsonObject r = GroupReport.build(g, 25, runs, List.of(v));
        assertEquals(25, r.get("max_runs").getAsInt(), "the workspace default when the group sets none");
        assertEquals(2, r.getAsJsonObject("by_status").get("finished").getAsInt());
        assertEquals(1, r.getAsJsonObject("by_status").get("running").getAsInt());
        assertEquals(1, r.getAsJsonObject("by_outcome").get("failed").getAsInt());
        assertEquals(16, r.getAsJsonObject("tokens").get("input_tokens").getAsLong(), "other groups' tokens are not counted");
        assertEquals(1, r.get("violations").getAsInt());
        JsonArray tree = r.getAsJsonArray("tree");
        assertEquals(2, tree.size(), "r1, and r5 whose starter is not in the group: " + tree);
        JsonObject r1 = tree.get(0).getAsJsonObject();
        assertEquals("r1", r1.get("run_id").getAsString());
        JsonObject r2 = r1.getAsJsonArray("children").get(0).getAsJsonObject();
        assertEquals("r2", r2.get("run_id").getAsString());
        assertEquals("r3", r2.getAsJsonArray("children").get(0).getAsJsonObject().get("run_id").getAsString());
        String text = GroupReport.text(r);
        assertTrue(text.contains("group g (P1): a task\n"), text);
        assertTrue(text.contains("  r1 succeeded spark t r1\n    └ r2 failed spark t r2\n      └ r3 running spark t r3\n"), text);
    }
}
