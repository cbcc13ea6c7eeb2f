package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Violations;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionTest {
    static final String PARENT = "20260101-000000-aaaaaa";
    @TempDir Path home;
    Workspace ws;
    RunStore store;

    @BeforeEach
    void setUp() {
        ws = new Workspace(home).ensure();
        store = new RunStore(ws);
    }

    private void parent(String profile, int depth, String group) {
        store.createDir(RunId.of(PARENT));
        store.write(RawMeta.create().put("run_id", PARENT).put("status", "running").put("profile", profile)
                .put("depth", depth).put("group", group).put("created_at", "2026-01-01T00:00:00Z").meta());
    }

    private Admission admission(String config, boolean fromInsideParent) {
        Map<String, String> env = fromInsideParent ? Map.of("AGENTCTL_RUN_ID", PARENT, "AI_ORCH_HOME", home.toString()) : Map.of();
        return new Admission(store, new Config(JsonParser.parseString(config).getAsJsonObject()), env);
    }

    @Test
    void aStartFromInsideARunIsItsChildOneLevelDeeperInItsGroup() {
        parent("deep", 1, "g");
        Admission.Placement p = admission("{}", true).place(null, "spark", "child", List.of(), null);
        assertEquals(new Admission.Placement("g", 2, RunId.of(PARENT)), p);
        assertEquals(1, new GroupStore(ws).find("g").runsStarted());
        assertEquals(new Admission.Placement(null, 0, null), admission("{}", false).place(null, "spark", "t", List.of(), null),
                "a person's run is at depth 0 and in no group");
    }

    @Test
    void beyondMaxDepthTheStartIsRefusedAndRecorded() {
        parent("deep", 3, "g");
        AgentctlException e = assertThrows(AgentctlException.class,
                () -> admission("{}", true).place(null, "spark", "too deep", List.of(), null));
        assertEquals(AgentctlException.Kind.FAILED, e.kind());
        assertEquals("refused: max_depth 3 reached (parent " + PARENT + " is at depth 3)", e.getMessage());
        List<JsonObject> v = new Violations(ws).all();
        assertEquals(1, v.size());
        assertEquals("max_depth", v.get(0).get("rule").getAsString());
        assertEquals(PARENT, v.get(0).get("parent_run_id").getAsString());
        assertEquals("g", v.get(0).get("group").getAsString());
        assertEquals("too deep", v.get(0).get("title").getAsString());
        assertEquals(0, new GroupStore(ws).find("g") == null ? 0 : new GroupStore(ws).find("g").runsStarted(),
                "a refused run does not count against its group");
    }

    @Test
    void spawnRulesLimitWhichProfilesARunMayStart() {
        parent("spark", 0, null);
        String rules = "{\"spawn_rules\": {\"deep\": [\"spark\", \"review\"], \"spark\": []}}";
        AgentctlException e = assertThrows(AgentctlException.class, () -> admission(rules, true).place(null, "spark", "t", List.of(), null));
        assertEquals("refused: spawn_rules: a spark run may start no runs, not spark (parent " + PARENT + ")", e.getMessage());
        assertEquals("spawn_rules", new Violations(ws).all().get(0).get("rule").getAsString());
        assertDoesNotThrow(() -> admission(rules, false).place(null, "spark", "t", List.of(), null), "rules bind runs, not people");
    }

    @Test
    void aGroupTakesNoMoreRunsThanItsMaximum() {
        new GroupStore(ws).create("small", null, null, null, 2);
        Admission a = admission("{}", false);
        a.place("small", "spark", "1", List.of(), null);
        a.place("small", "spark", "2", List.of(), null);
        AgentctlException e = assertThrows(AgentctlException.class, () -> a.place("small", "spark", "3", List.of(), null));
        assertEquals("refused: group small max_runs 2 reached (2 runs)", e.getMessage());
        assertEquals("max_runs", new Violations(ws).all().get(0).get("rule").getAsString());
        assertThrows(AgentctlException.class, () -> admission("{\"max_runs_per_group\": 0}", false).place("other", "spark", "x", List.of(), null));
    }

    @Test
    void unknownRunsAndCyclesInAfterAreUsageErrors() {
        parent("spark", 0, null);
        AgentctlException unknown = assertThrows(AgentctlException.class,
                () -> admission("{}", false).place(null, "spark", "t", List.of(RunId.of("20260101-000009-ffffff")), null));
        assertEquals(AgentctlException.Kind.USAGE, unknown.kind());
        assertTrue(unknown.getMessage().contains("unknown run id '20260101-000009-ffffff'"), unknown.getMessage());
        AgentctlException cycle = assertThrows(AgentctlException.class,
                () -> admission("{}", false).place(null, "spark", "t", List.of(RunId.of(PARENT)), RunId.of(PARENT)));
        assertEquals(AgentctlException.Kind.USAGE, cycle.kind());
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
    }

    @Test
    void badLimitSettingsAreRefusedBeforeAnythingIsWritten() {
        AgentctlException e = assertThrows(AgentctlException.class,
                () -> admission("{\"max_depth\": \"three\"}", false).place("g", "spark", "t", List.of(), null));
        assertEquals(AgentctlException.Kind.USAGE, e.kind());
        assertNull(new GroupStore(ws).find("g"));
    }
}
