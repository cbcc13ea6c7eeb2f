package dev.agentctl.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static ProcessRunner.Result sh(String script, Path cwd, Map<String, String> env, Duration timeout) {
        return ProcessRunner.run(List.of("sh", "-c", script), cwd, env, timeout);
    }

    @Test
    void capturesExitCodeAndBothOutputs() {
        ProcessRunner.Result r = sh("printf 'out ü'; printf err >&2; exit 3", null, null, TIMEOUT);
        assertEquals(new ProcessRunner.Result(3, "out ü", "err"), r);
        assertFalse(r.ok());
        assertTrue(sh("true", null, Map.of(), TIMEOUT).ok());
    }

    @Test
    void runsInTheGivenDirectory() throws Exception {
        assertEquals(tmp.toRealPath().toString(), sh("pwd -P", tmp, null, TIMEOUT).stdout().strip());
    }

    @Test
    void extraEnvironmentAddsAndNullRemoves() {
        Map<String, String> env = new HashMap<>();
        env.put("AGENTCTL_TEST_ADDED", "added value");
        env.put("HOME", null);
        ProcessRunner.Result r = sh("echo \"$AGENTCTL_TEST_ADDED|${HOME-unset}\"", null, env, TIMEOUT);
        assertEquals("added value|unset", r.stdout().strip());
    }

    @Test
    void stdinIsClosedSoReadersDoNotWait() {
        ProcessRunner.Result r = ProcessRunner.run(List.of("cat"), null, null, Duration.ofSeconds(20));
        assertEquals(new ProcessRunner.Result(0, "", ""), r);
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() {
        ProcessRunner.Result r = sh("head -c 3000000 /dev/zero | tr '\\0' a; head -c 3000000 /dev/zero | tr '\\0' b >&2",
                null, null, TIMEOUT);
        assertEquals(3_000_000, r.stdout().length());
        assertEquals(3_000_000, r.stderr().length());
    }

    @Test
    void timeoutKillsTheProcessAndFails() throws Exception {
        Path pidFile = tmp.resolve("pid");
        long start = System.nanoTime();
        AgentctlException e = assertThrows(AgentctlException.class, () -> sh(
                "echo $$ > '" + pidFile + "'; exec sleep 60", null, null, Duration.ofSeconds(2)));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(e.kind()));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "the deadline was not enforced");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "timed-out process still alive");
    }

    @Test
    void missingProgramFails() {
        AgentctlException e = assertThrows(AgentctlException.class, () -> ProcessRunner.run(
                List.of(tmp.resolve("no-such-program").toString()), null, null, TIMEOUT));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(e.kind()));
    }
}
