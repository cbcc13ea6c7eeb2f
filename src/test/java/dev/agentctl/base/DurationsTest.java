package dev.agentctl.base;

import dev.agentctl.base.ExitCodes;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"120,120", "90s,90", "30m,1800", "2h,7200", " 5 ,5", "31622400,31622400"})
    void parses(String text, long seconds) {
        assertEquals(seconds, Durations.parseSeconds(text, "--timeout"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10x", "-5", "0", "1.5h", "m", "99999999999h", "999999999m", "999999999h", "31622401"})
    void refuses(String text) {
        AgentctlException e = assertThrows(AgentctlException.class, () -> Durations.parseSeconds(text, "--timeout"));
        assertEquals(2, ExitCodes.of(e.kind()));
        assertTrue(e.getMessage().startsWith("--timeout"), e.getMessage());
    }
}
