package dev.agentctl.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** meta.json's agent keys: the agent at creation, Claude's session id beside thread_id, the cost. */
class RunMetaAgentTest {
    private static RunMeta queued(String agent) {
        return RunMeta.queued(new NewRun(RunId.of("r1"), "t", "p", Path.of("/p"), "spark", null, null, null, RunMode.EXEC, null, null,
                null, "detached", "ai", List.of("/bin/claude", "-p"), agent));
    }

    @Test
    void aRunRecordsItsAgentAndAnOldRunHasNone() {
        assertEquals("claude", queued("claude").agent());
        assertEquals("claude", queued("claude").json().get(RunMeta.AGENT).getAsString());
        RunMeta old = new RunMeta(new com.google.gson.JsonObject());
        assertNull(old.agent(), "runs made before there was a choice name no agent (codex)");
    }

    @Test
    void sessionIdAndCostAreRecordedAndNullsLeaveThem() {
        RunMeta m = queued("claude");
        m.recordProgress("sess-1", null);
        m.recordSessionId("sess-1");
        m.recordCost(0.25);
        assertEquals("sess-1", m.threadId());
        assertEquals("sess-1", m.str(RunMeta.SESSION_ID));
        assertEquals(0.25, m.json().get(RunMeta.COST_USD).getAsDouble());
        m.recordSessionId(null);
        m.recordCost(null);
        assertEquals("sess-1", m.str(RunMeta.SESSION_ID));
        assertEquals(0.25, m.json().get(RunMeta.COST_USD).getAsDouble());
        RunMeta codex = queued("codex");
        codex.recordCost(null);
        assertFalse(codex.json().has(RunMeta.COST_USD), "codex reports no cost: no key");
        assertFalse(codex.json().has(RunMeta.SESSION_ID));
    }
}
