package dev.agentctl.run;

import dev.agentctl.base.ExitCodes;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdTest {
    @Test
    void generatedIdsLookLikeTimeAndRandomAndAreValid() {
        RunId id = RunId.generate();
        assertTrue(id.value().matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), id.value());
        assertEquals(id, RunId.of(id.value()));
    }

    @Test
    void generatedIdsDiffer() {
        Set<RunId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) ids.add(RunId.generate());
        assertTrue(ids.size() > 990, "ids collide too often: " + ids.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "..", ".hidden", "../../etc", "a b", "x;y", "a\nb", "$(touch x)", "-x", "--help", "_a", "-",
            "a..b", "é", "a\u0000b"})
    void refusesBadIds(String id) {
        AgentctlException e = assertThrows(AgentctlException.class, () -> RunId.of(id));
        assertEquals(2, ExitCodes.of(e.kind()));
        assertFalse(e.getMessage().contains("\n"));
        assertNull(RunId.parse(id), "parse refuses what of refuses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "a-b_c.d", "A.", "a.b.c", "zz-by-hand"})
    void acceptsIdsStartingWithALetterOrDigit(String id) {
        assertEquals(id, RunId.of(id).value());
        assertEquals(RunId.of(id), RunId.parse(id));
    }

    @Test
    void refusesOverlongIds() {
        AgentctlException e = assertThrows(AgentctlException.class, () -> RunId.of("a".repeat(300)));
        assertTrue(e.getMessage().contains("too long"));
        assertNull(RunId.parse("a".repeat(RunId.MAX_LENGTH + 1)));
        assertNotNull(RunId.parse("a".repeat(RunId.MAX_LENGTH)));
        assertNull(RunId.parse(null));
    }

    @Test
    void theMessagesNameTheRule() {
        assertEquals("run id is empty", assertThrows(AgentctlException.class, () -> RunId.of(null)).getMessage());
        assertEquals("bad run id 'a?b' (letters, digits, '.', '_', '-', starting with a letter or digit; no '..')",
                assertThrows(AgentctlException.class, () -> RunId.of("a\tb")).getMessage());
    }

    @Test
    void anIdIsItsValueEqualByValueAndNeverEqualToAString() {
        RunId a = RunId.of("20260215-143022-ab12cd");
        assertEquals("20260215-143022-ab12cd", a.toString());
        assertEquals("20260215-143022-ab12cd", a.value());
        assertEquals(RunId.of("20260215-143022-ab12cd"), a);
        assertEquals(RunId.of("20260215-143022-ab12cd").hashCode(), a.hashCode());
        assertNotEquals(RunId.of("20260215-143022-ab12ce"), a);
        assertFalse(a.equals("20260215-143022-ab12cd"), "a RunId is not a String");
        assertEquals("x", RunId.string(RunId.of("x")));
        assertNull(RunId.string(null));
    }

    @Test
    void idsSortByTheTimeTheyWereMadeAt() {
        RunId earlier = RunId.at(LocalDateTime.of(2026, 2, 15, 14, 30, 22));
        RunId later = RunId.at(LocalDateTime.of(2026, 2, 15, 14, 30, 23));
        RunId nextYear = RunId.at(LocalDateTime.of(2027, 1, 1, 0, 0, 0));
        assertTrue(earlier.value().startsWith("20260215-143022-"), earlier.value());
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(later.compareTo(earlier) > 0);
        assertEquals(0, earlier.compareTo(RunId.of(earlier.value())));
        List<RunId> ids = new ArrayList<>(List.of(nextYear, earlier, later));
        ids.sort(null);
        assertEquals(List.of(earlier, later, nextYear), ids);
    }

    @Test
    void directoriesUnderRunsThatAreNoRunIdAreSkipped(@TempDir Path home) throws Exception {
        RunStore store = new RunStore(new Workspace(home).ensure());
        RunId good = RunId.of("20260101-000000-aaaaaa");
        RunFixtures.write(home, good.value(), "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        Path runs = home.resolve("runs");
        for (String bad : List.of("a b", "-x", "_a", "a..b", ".hidden")) Files.createDirectory(runs.resolve(bad));
        assertEquals(List.of(good), store.ids());
        assertEquals(List.of(good), RunQuery.readAll(store, w -> fail(w)).stream().map(RunMeta::runId).toList());
        assertEquals(List.of(good.value()), RunDirs.list(runs), "the run index lists no stray directory either");
        CliRun list = CliRun.run(home, "list");
        assertEquals(0, list.exit, list.toString());
        assertEquals(good.value(), list.out.split("\t")[0], list.toString());
    }

    @Test
    void idsInAMetaThatAreNoRunIdNameNoRun() {
        RunMeta m = RawMeta.create().put("run_id", "r1").put("parent_run_id", "../x").put("escalated_to", "-x")
                .put("after", JsonParser.parseString("[\"r0\", \"../../etc\", \"r2\"]")).meta();
        assertEquals(RunId.of("r1"), m.runId());
        assertNull(m.parentRunId());
        assertNull(m.escalatedTo());
        assertEquals(List.of(RunId.of("r0"), RunId.of("r2")), m.after());
    }
}
