package dev.agentctl.workspace;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import org.junit.jupiter.api.Test;

class IsolationConfigTest {
    private static Config with(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return new Config(o);
    }

    @Test
    void defaultsAndValidValues() {
        Config c = new Config(null);
        assertEquals("worktree", c.isolation());
        assertEquals("agentctl/", c.branchPrefix());
        assertEquals(600, c.worktreeSetupTimeoutSeconds());
        assertEquals("shared", with("isolation", "shared").isolation());
        assertEquals("runs/", with("branch_prefix", "runs/").branchPrefix());
        assertEquals("", with("branch_prefix", "").branchPrefix());
        assertEquals(2 * 86400, with("worktree_setup_timeout", "2d").worktreeSetupTimeoutSeconds());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheKey() {
        // Config validates every key when it is made, so a bad value fails at once, named.
        String[][] bad = {{"isolation", "private"}, {"branch_prefix", "-x/"}, {"branch_prefix", "a..b/"},
                {"branch_prefix", "a b/"}, {"worktree_setup_timeout", "soon"}};
        for (String[] kv : bad) {
            AgentctlException e = assertThrows(AgentctlException.class, () -> with(kv[0], kv[1]));
            assertEquals(AgentctlException.Kind.USAGE, e.kind());
            assertTrue(e.getMessage().startsWith("config.json"), e.getMessage());
        }
    }
}
