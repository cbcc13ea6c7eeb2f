package dev.agentctl.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchWatchTest {
    private static String draw(List<String> before, List<String> now) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BatchWatch.redraw(new PrintStream(b, true, StandardCharsets.UTF_8), before, now);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstDrawWritesEveryLine() {
        assertEquals("\r\033[2Ka\n\r\033[2Kb\n", draw(List.of(), List.of("a", "b")));
    }

    @Test
    void aRedrawGoesBackUpAndRewritesOnlyChangedLines() {
        assertEquals("\033[3A\033[1B\r\033[2Kb2\n\033[1B", draw(List.of("a", "b", "c"), List.of("a", "b2", "c")));
    }

    @Test
    void nothingChangedWritesNothing() {
        assertEquals("", draw(List.of("a"), List.of("a")));
    }
}
