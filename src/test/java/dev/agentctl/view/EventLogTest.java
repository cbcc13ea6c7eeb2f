package dev.agentctl.view;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir Path dir;

    private void append(String s) throws Exception {
        Files.write(dir.resolve(EventLog.FILE), s.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void returnsOnlyCompleteLinesAndEachOnce() throws Exception {
        EventLog log = new EventLog(dir);
        assertEquals(List.of(), log.next(), "no file yet");
        append("{\"type\":\"thread.started\"}\n{\"type\":\"tu");
        assertEquals(List.of("{\"type\":\"thread.started\"}"), log.next());
        assertEquals(List.of(), log.next(), "half a line waits");
        append("rn.started\"}\n✓ é\n");
        assertEquals(List.of("{\"type\":\"turn.started\"}", "✓ é"), log.next());
    }

    @Test
    void theReadableViewSkipsEventsItDoesNotShowAndKeepsTheLastN() throws Exception {
        append("{\"type\":\"thread.started\",\"thread_id\":\"t1\"}\n{\"type\":\"turn.started\"}\nnot json\n"
                + "{\"type\":\"item.completed\",\"item\":{\"type\":\"command_execution\",\"exit_code\":0}}\n");
        assertEquals(List.of("▶ thread t1", "  ↳ exit 0"), new RunLog(dir, false, new dev.agentctl.codex.CodexBackend().newTurn()).next());
        assertEquals(List.of("  ↳ exit 0"), new RunLog(dir, false, new dev.agentctl.codex.CodexBackend().newTurn()).nextLast(1));
        assertEquals(4, new RunLog(dir, true, new dev.agentctl.codex.CodexBackend().newTurn()).next().size(), "raw: every line as written");
    }
}
