package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.agent.AgentTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** codex behind the backend interface does exactly what it did before: same argv, environment, events, result. */
class CodexBackendTest {
    private final CodexBackend codex = new CodexBackend();

    @Test
    void theArgvIsCodexCommands() {
        AgentInvocation inv = new AgentInvocation("/bin/codex", Path.of("/p"), "gpt-5.5", "low", "read-only",
                Path.of("/w/schema.json"), Path.of("/r/last.json"), "thread-1");
        assertEquals(CodexCommand.argv(new CodexInvocation("/bin/codex", Path.of("/p"), "gpt-5.5", "low", "read-only", List.of(),
                Path.of("/w/schema.json"), Path.of("/r/last.json"), "thread-1")), codex.argv(inv));
        assertEquals(Map.of("PATH", "/bin"), codex.environment(Map.of("PATH", "/bin"), null));
        assertFalse(codex.callsThreadsSessions(), "codex keeps thread_id only");
    }

    @Test
    void aTurnReadsTheEventsAndPrefersTheOutputFile(@TempDir Path runDir) throws Exception {
        AgentTurn t = codex.newTurn();
        AgentEvent started = t.accept("{\"type\":\"thread.started\",\"thread_id\":\"th-1\"}");
        assertTrue(started.important());
        assertEquals(List.of("▶ thread th-1"), started.progress());
        assertFalse(t.accept("{\"type\":\"turn.started\"}").important());
        assertNull(t.accept("not json"));
        t.accept("{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":"
                + "\"{\\\"goal_met\\\":false,\\\"summary\\\":\\\"from events\\\",\\\"followup_prompt\\\":\\\"\\\",\\\"notes\\\":\\\"\\\"}\"}}");
        assertTrue(t.accept("{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}").important());
        assertEquals("th-1", t.sessionId());
        assertTrue(t.completed());
        assertNull(t.failure());
        assertNull(t.costUsd());
        assertEquals(5, t.usage().get("input_tokens").getAsInt());
        assertEquals("from events", t.result(runDir).summary(), "no -o file: the last agent message");
        Files.writeString(runDir.resolve("last_message.json"), "");
        assertEquals("from events", t.result(runDir).summary(), "codex leaves an empty -o file when it fails");
        Files.writeString(runDir.resolve("last_message.json"),
                "{\"goal_met\":true,\"summary\":\"from file\",\"followup_prompt\":\"\",\"notes\":\"\"}");
        assertEquals("from file", t.result(runDir).summary());
    }

    @Test
    void aFailedTurnIsTheFailure() {
        AgentTurn t = codex.newTurn();
        t.accept("{\"type\":\"turn.failed\",\"error\":{\"message\":\"boom\"}}");
        assertEquals("boom", t.failure());
        assertFalse(t.completed());
    }
}
