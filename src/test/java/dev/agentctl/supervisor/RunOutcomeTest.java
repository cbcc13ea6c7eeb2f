package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.codex.CodexResult;
import dev.agentctl.run.RunMeta;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {
    private static final CodexResult MET = new CodexResult(true, "done", "", "", null);
    private static final CodexResult NOT_MET = new CodexResult(false, "half", "do the rest", "", null);
    private static final CodexResult NONE = CodexResult.parse(null);

    private static RunMeta apply(int exit, CodexResult r, boolean completed, String turnFailed, StopRequest stop) {
        RunMeta m = new RunMeta(new JsonObject());
        RunOutcome.apply(m, "codex", exit, r, completed, turnFailed, stop, "stderr tail");
        return m;
    }

    @Test
    void outcomes() {
        assertEquals("succeeded", apply(0, MET, true, null, null).outcome());
        RunMeta notMet = apply(0, NOT_MET, true, null, null);
        assertEquals("goal_not_met", notMet.outcome());
        assertEquals("do the rest", notMet.str("followup_prompt"));
        assertEquals("failed", apply(1, NONE, false, null, null).outcome());
        assertTrue(apply(1, NONE, false, null, null).str("error").contains("code 1"));
        assertEquals("turn failed: boom", apply(1, NONE, false, "boom", null).str("error"));
        assertEquals("failed", apply(0, NONE, true, null, null).outcome(), "no result is no success");
        assertEquals("timed_out", apply(143, NONE, false, null, new StopRequest("timed_out", "deadline")).outcome());
        RunMeta killed = apply(130, MET, false, null, new StopRequest("killed", "user said so"));
        assertEquals("killed", killed.outcome());
        assertEquals("user said so", killed.str("kill_reason"));
    }

    @Test
    void anUnparseableFinalMessageIsKeptRaw() {
        RunMeta m = apply(0, CodexResult.parse("I did it!"), true, null, null);
        assertEquals("failed", m.outcome());
        assertEquals("I did it!", m.str("last_message_raw"));
        assertTrue(m.str("error").contains("not the expected JSON"));
    }

    @Test
    void aParsedResultIsKeptAsAnObject() {
        RunMeta m = apply(0, MET, true, null, null);
        assertTrue(m.json().get("last_message").isJsonObject());
        assertEquals("done", m.summary());
    }
}
