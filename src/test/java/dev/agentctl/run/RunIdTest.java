package dev.agentctl.run;

import dev.agentctl.base.ExitCodes;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdTest {
    @Test
    void generatedIdsLookLikeTimeAndRandomAndAreValid() {
        String id = RunId.generate();
        assertTrue(id.matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), id);
        assertEquals(id, RunId.validate(id));
    }

    @Test
    void generatedIdsDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) ids.add(RunId.generate());
        assertTrue(ids.size() > 990, "ids collide too often: " + ids.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "..", ".hidden", "../../etc", "a b", "x;y", "a\nb", "$(touch x)", "-x", "--help", "_a", "-"})
    void refusesBadIds(String id) {
        AgentctlException e = assertThrows(AgentctlException.class, () -> RunId.validate(id));
        assertEquals(2, ExitCodes.of(e.kind()));
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "a-b_c.d", "A."})
    void acceptsIdsStartingWithALetterOrDigit(String id) {
        assertEquals(id, RunId.validate(id));
    }

    @Test
    void refusesOverlongIds() {
        AgentctlException e = assertThrows(AgentctlException.class, () -> RunId.validate("a".repeat(300)));
        assertTrue(e.getMessage().contains("too long"));
    }
}
