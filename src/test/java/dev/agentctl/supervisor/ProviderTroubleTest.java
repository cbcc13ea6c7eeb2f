package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.lifecycle.Backends;
import dev.agentctl.lifecycle.StopRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderTroubleTest {
    private static final String RECONNECT =
            "{\"type\":\"error\",\"message\":\"Reconnecting... waiting for network (Connection failed: error sending request)\"}";
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    @TempDir Path dir;

    @Test
    void reconnectEventsPastTheLimitFailTheRun() {
        ProviderTrouble t = new ProviderTrouble(120);
        Path stderr = dir.resolve("stderr.log");
        long start = System.nanoTime();
        t.onEvent(codexEvent(RECONNECT));
        assertNull(t.check(stderr, start + 119 * S));
        StopRequest r = t.check(stderr, start + 121 * S);
        assertNotNull(r);
        assertEquals(dev.agentctl.run.Outcome.FAILED, r.outcome());
        assertTrue(r.reason().contains("Reconnecting") && r.reason().contains("provider_retry_limit"), r.reason());
    }

    @Test
    void anyOtherEventMeansTheModelAnsweredAndTheCountStartsAgain() {
        ProviderTrouble t = new ProviderTrouble(10);
        long start = System.nanoTime();
        t.onEvent(codexEvent(RECONNECT));
        t.onEvent(codexEvent("{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"hi\"}}"));
        assertNull(t.check(dir.resolve("none"), start + 60 * S));
        t.onEvent(codexEvent("{\"type\":\"error\",\"message\":\"some warning\"}"));
        assertNull(t.check(dir.resolve("none"), start + 60 * S), "an unrelated error is not provider trouble");
    }

    @Test
    void stderrCountsToo() throws Exception {
        ProviderTrouble t = new ProviderTrouble(5);
        Path stderr = Files.writeString(dir.resolve("stderr.log"), "Reading prompt from stdin...\n");
        long start = System.nanoTime();
        assertNull(t.check(stderr, start));
        Files.writeString(stderr, "stream error: stream disconnected before completion; retrying 3/5\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertNull(t.check(stderr, start + S));
        assertNotNull(t.check(stderr, start + 7 * S));
    }

    /** A codex event line as the supervisor sees it: through codex's backend. */
    private static AgentEvent codexEvent(String line) {
        return Backends.of("codex").newTurn().accept(line);
    }

    @Test
    void aClaudeEventIsNeverProviderTrouble() {
        AgentEvent e = Backends.of("claude").newTurn().accept("{\"type\":\"assistant\",\"message\":{\"content\":[]}}");
        assertNotNull(e);
        assertFalse(e.isError());
    }
}
