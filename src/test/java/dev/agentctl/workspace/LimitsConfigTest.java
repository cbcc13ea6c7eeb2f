package dev.agentctl.workspace;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.AgentctlException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LimitsConfigTest {
    private static Config config(String json) {
        return new Config(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void defaultsCapEightRunsThreeLevelsAndTwentyFiveRunsPerGroup() {
        Config c = new Config(new JsonObject());
        assertEquals(8, c.maxConcurrent());
        assertEquals(3, c.maxDepth());
        assertEquals(25, c.maxRunsPerGroup());
        assertNull(c.spawnRules(), "no rules: any profile may start any profile");
    }

    @Test
    void readsTheUsersValues() {
        Config c = config("{\"max_concurrent\": 0, \"max_depth\": 1, \"max_runs_per_group\": 2,"
                + " \"spawn_rules\": {\"deep\": [\"spark\", \"review\"], \"spark\": []}}");
        assertEquals(0, c.maxConcurrent());
        assertEquals(1, c.maxDepth());
        assertEquals(2, c.maxRunsPerGroup());
        assertEquals(List.of("spark", "review"), c.spawnRules().get("deep"));
        assertEquals(List.of(), c.spawnRules().get("spark"));
    }

    @Test
    void aWrongTypeOrANegativeNumberIsAUsageErrorNamingTheKey() {
        assertRefused("{\"max_concurrent\": -1}", Config::maxConcurrent, "max_concurrent");
        assertRefused("{\"max_concurrent\": \"8\"}", Config::maxConcurrent, "max_concurrent");
        assertRefused("{\"max_concurrent\": 2.5}", Config::maxConcurrent, "max_concurrent");
        assertRefused("{\"max_concurrent\": null}", Config::maxConcurrent, "max_concurrent");
        assertRefused("{\"max_depth\": true}", Config::maxDepth, "max_depth");
        assertRefused("{\"max_runs_per_group\": -3}", Config::maxRunsPerGroup, "max_runs_per_group");
        assertRefused("{\"spawn_rules\": [\"deep\"]}", Config::spawnRules, "spawn_rules");
        assertRefused("{\"spawn_rules\": {\"deep\": \"spark\"}}", Config::spawnRules, "spawn_rules");
        assertRefused("{\"spawn_rules\": {\"deep\": [1]}}", Config::spawnRules, "spawn_rules");
    }

    private static void assertRefused(String json, Consumer<Config> getter, String key) {
        AgentctlException e = assertThrows(AgentctlException.class, () -> getter.accept(config(json)), json);
        assertEquals(AgentctlException.Kind.USAGE, e.kind(), json);
        assertTrue(e.getMessage().startsWith("config.json: " + key + " "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void initWritesTheLimitKeys() {
        JsonObject d = Config.defaults();
        assertEquals(8, d.get("max_concurrent").getAsInt());
        assertEquals(3, d.get("max_depth").getAsInt());
        assertEquals(25, d.get("max_runs_per_group").getAsInt());
        assertTrue(d.has("spawn_rules"));
    }
}
