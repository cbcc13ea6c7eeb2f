package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.StopRequest;
import dev.agentctl.run.Outcome;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.run.RunMeta;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {
    private static final AgentResult MET = new AgentResult(true, "done", "", "", null);
    private static final AgentResult NOT_MET = new AgentResult(false, "half", "do the rest", "", null);
    private static final AgentResult NONE = AgentResult.parse(null);

    private static RunMeta apply(int exit, AgentResult r, boolean completed, String turnFailed, StopRequest stop) {
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
        assertEquals("timed_out", apply(143, NONE, false, null, new StopRequest(Outcome.TIMED_OUT, "deadline")).outcome());
        RunMeta killed = apply(130, MET, false, null, new StopRequest(Outcome.KILLED, "user said so"));
        assertEquals("killed", killed.outcome());
        assertEquals("user said so", killed.str("kill_reason"));
    }

    @Test
    void anUnparseableFinalMessageIsKeptRaw() {
        RunMeta m = apply(0, AgentResult.parse("I did it!"), true, null, null);
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

    @Test
    void aHugeResultIsCutWithANoteNotKeptWhole() {
        String big = "s".repeat(20 * 1024 * 1024);
        RunMeta m = apply(0, new AgentResult(true, big, big, big, null), true, null, null);
        RunOutcome.capTexts(m, 1024 * 1024);
        for (String k : new String[] {"summary", "followup_prompt", "notes"}) {
            String v = m.str(k);
            assertEquals(1024 * 1024, v.length(), k);
            assertTrue(v.endsWith("[cut: 20971520 characters, result_max_chars is 1048576]"), k);
            String inLast = m.json().getAsJsonObject("last_message").get(k).getAsString();
            assertEquals(1024 * 1024, inLast.length(), "last_message." + k);
        }
        assertEquals("succeeded", m.outcome());
        RunMeta small = apply(0, MET, true, null, null);
        RunOutcome.capTexts(small, 1000);
        assertEquals("done", small.summary(), "short texts are untouched");
    }
}
