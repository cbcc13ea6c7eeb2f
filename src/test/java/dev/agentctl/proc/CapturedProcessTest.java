package dev.agentctl.proc;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturedProcessTest {
    @TempDir
    Path dir;

    @Test
    void feedsTheFileAsStdinAndUsesExactlyTheGivenEnvironment() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "from the file\n");
        ProcessRunner.Result r = CapturedProcess.run(List.of("/bin/sh", "-c", "cat; echo \"x=$ONLY y=${HOME:-unset}\"; echo err >&2; exit 3"),
                dir, Map.of("ONLY", "1", "PATH", "/usr/bin:/bin"), in, Duration.ofSeconds(20));
        assertEquals(3, r.exitCode());
        assertEquals("from the file\nx=1 y=unset\n", r.stdout());
        assertEquals("err\n", r.stderr());
    }

    @Test
    void stdinIsEmptyWithoutAFileSoNothingWaitsForInput() {
        ProcessRunner.Result r = CapturedProcess.run(List.of("/bin/cat"), dir, Map.of(), null, Duration.ofSeconds(20));
        assertTrue(r.ok());
        assertEquals("", r.stdout());
    }

    @Test
    void aChildPastItsDeadlineIsKilledAndReported() {
        long t0 = System.nanoTime();
        AgentctlException e = assertThrows(AgentctlException.class, () -> CapturedProcess.run(List.of("/bin/sleep", "30"),
                dir, Map.of(), null, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10);
    }
}
