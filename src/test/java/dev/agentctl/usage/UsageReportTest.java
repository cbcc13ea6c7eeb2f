package dev.agentctl.usage;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReportTest {
    @TempDir Path home;

    @BeforeEach
    void runs() {
        RunStore store = new RunStore(new Workspace(home).ensure());
        Instant now = Instant.now();
        add(store, "20260101-000000-aaaaaa", now.minus(Duration.ofDays(3)), "alpha", "gpt-5.5", null, 1_000_000, 400_000, 100_000);
        add(store, "20260101-000000-bbbbbb", now.minus(Duration.ofHours(1)), "alpha", "gpt-5.5", "g1", 2_000_000, 0, 0);
        add(store, "20260101-000000-cccccc", now.minus(Duration.ofMinutes(5)), "beta", "other-model", "g1", 10, 0, 5);
    }

    private static void add(RunStore store, String id, Instant created, String project, String model, String group,
            long in, long cached, long out) {
        RunMeta m = RunFixtures.write(store.workspace().home(), id, created.toString(), "finished", "succeeded", project);
        JsonObject u = new JsonObject();
        u.addProperty("input_tokens", in);
        u.addProperty("cached_input_tokens", cached);
        u.addProperty("output_tokens", out);
        u.addProperty("reasoning_output_tokens", 0);
        RawMeta.of(m).put("usage", u).put("model", model);
        if (group != null) RawMeta.of(m).put("group", group);
        store.write(m);
    }

    @Test
    void perRunAndTotalsInJson() {
        CliRun r = CliRun.run(home, "usage", "--json");
        assertEquals(0, r.exit, r.toString());
        JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(3, o.getAsJsonArray("rows").size());
        assertEquals(3_000_010, o.getAsJsonObject("total").get("input_tokens").getAsLong());
        assertTrue(o.getAsJsonObject("total").get("estimated_cost_usd").isJsonNull(), "no prices: no cost");
    }

    @Test
    void byProjectGroupAndDaySinceACutOff() {
        JsonObject byProject = JsonParser.parseString(CliRun.run(home, "usage", "--by", "project", "--json").out).getAsJsonObject();
        assertEquals("alpha", byProject.getAsJsonArray("rows").get(0).getAsJsonObject().get("project").getAsString());
        assertEquals(2, byProject.getAsJsonArray("rows").get(0).getAsJsonObject().get("runs").getAsInt());
        JsonObject byGroup = JsonParser.parseString(CliRun.run(home, "usage", "--by", "group", "--json").out).getAsJsonObject();
        assertEquals(2, byGroup.getAsJsonArray("rows").size(), "'-' for runs without a group, and g1");
        JsonObject recent = JsonParser.parseString(CliRun.run(home, "usage", "--since", "2h", "--json").out).getAsJsonObject();
        assertEquals(2, recent.getAsJsonObject("total").get("runs").getAsInt());
        assertEquals(2, CliRun.run(home, "usage", "--by", "colour").exit);
        assertEquals(2, CliRun.run(home, "usage", "--since", "soon").exit);
    }

    @Test
    void anEstimatedCostWithPrices() {
        assertEquals(0, CliRun.run(home, "config", "set", "prices",
                "{\"gpt-5.5\": {\"input\": 1.0, \"cached_input\": 0.1, \"output\": 10}}").exit);
        JsonObject o = JsonParser.parseString(CliRun.run(home, "usage", "--json").out).getAsJsonObject();
        // run a: 0.6M input at 1, 0.4M cached at 0.1, 0.1M output at 10 = 0.6 + 0.04 + 1.0; run b: 2.0; run c: no price
        assertEquals(3.64, o.getAsJsonObject("total").get("estimated_cost_usd").getAsDouble(), 1e-9);
        CliRun table = CliRun.run(home, "usage", "--by", "project");
        assertTrue(table.out.startsWith("PROJECT  RUNS"), table.out);
        assertTrue(table.out.contains("EST. COST") && table.out.contains("$3.6400") && table.out.contains("TOTAL"), table.out);
        assertTrue(table.err.contains("1 run(s) use a model without a price"), table.err);
    }

    @Test
    void noRunsSaysSoOnStderr() {
        CliRun r = CliRun.run(home.resolve("empty"), "usage");
        assertEquals(0, r.exit);
        assertEquals("", r.out);
        assertTrue(r.err.contains("no runs"));
        assertNotNull(Json.class);
    }
}
