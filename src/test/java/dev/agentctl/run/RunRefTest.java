package dev.agentctl.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRefTest {
    @TempDir Path home;
    RunStore store;

    @BeforeEach
    void runs() {
        RunFixtures.write(home, "20260101-000000-14e068", "2026-01-01T00:00:00Z", "finished", "succeeded", "a");
        RunFixtures.write(home, "20260102-000000-14f000", "2026-01-02T00:00:00Z", "finished", "failed", "a");
        RunFixtures.write(home, "20260103-120000-abcdef", "2026-01-03T12:00:00Z", "running", null, "b");
        store = new RunStore(new Workspace(home));
    }

    @Test
    void wholeIdsAndUniquePrefixesOfIdOrSuffix() {
        assertEquals("20260101-000000-14e068", RunRef.resolve(store, "20260101-000000-14e068").value());
        assertEquals("20260102-000000-14f000", RunRef.resolve(store, "20260102").value());
        assertEquals("20260101-000000-14e068", RunRef.resolve(store, "14e0").value());
        assertEquals("20260103-120000-abcdef", RunRef.resolve(store, "abc").value());
    }

    @Test
    void lastAndAtNameTheNewestByCreation() {
        assertEquals("20260103-120000-abcdef", RunRef.resolve(store, "last").value());
        assertEquals("20260103-120000-abcdef", RunRef.resolve(store, "@").value());
    }

    @Test
    void ambiguousListsTheCandidatesAsAUsageError() {
        AgentctlException e = assertThrows(AgentctlException.class, () -> RunRef.resolve(store, "14").value());
        assertEquals(2, dev.agentctl.base.ExitCodes.of(e.kind()));
        assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains("20260101-000000-14e068")
                && e.getMessage().contains("20260102-000000-14f000") && !e.getMessage().contains("abcdef"), e.getMessage());
    }

    @Test
    void unknownAndBadReferencesAreUsageErrors() {
        assertEquals(2, dev.agentctl.base.ExitCodes.of(assertThrows(AgentctlException.class, () -> RunRef.resolve(store, "zzz")).kind()));
        assertEquals(2, dev.agentctl.base.ExitCodes.of(assertThrows(AgentctlException.class, () -> RunRef.resolve(store, "../x")).kind()));
        RunStore empty = new RunStore(new Workspace(home.resolve("empty")).ensure());
        AgentctlException none = assertThrows(AgentctlException.class, () -> RunRef.resolve(empty, "last"));
        assertTrue(none.getMessage().contains("no runs"), none.getMessage());
    }
}
