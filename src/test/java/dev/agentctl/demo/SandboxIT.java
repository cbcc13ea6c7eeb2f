package dev.agentctl.demo;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sandbox serves start, wait and resume through the exports it prints, and cleans up on SIGTERM. */
class SandboxIT extends RealRunTest {
    private static final Pattern EXPORT = Pattern.compile("(?m)^export (AI_ORCH_HOME|CODEX_HOME)='([^']*)'$");
    private static final Pattern SOCKET = Pattern.compile("tmux -L (agentctl-sandbox-[a-z0-9]+) attach");

    @Test
    void servesAStartWaitResumeAndRemovesWhatItMadeOnSigterm() throws Exception {
        Path dir = env.base.resolve("sandbox");
        Path log = env.base.resolve("sandbox.out");
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("sandbox", "--dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(env.base.toFile()).redirectOutput(log.toFile())
                .redirectError(env.base.resolve("sandbox.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env.env());
        pb.environment().remove("AI_ORCH_HOME");
        pb.environment().remove("CODEX_HOME");
        Process sandbox = pb.start();
        try {
            Procs.await("the sandbox's exports", Duration.ofSeconds(60), () -> read(log).contains("Ctrl-C"));
            Map<String, String> shell = new HashMap<>(env.env());
            Matcher m = EXPORT.matcher(read(log));
            int exports = 0;
            while (m.find()) {
                shell.put(m.group(1), m.group(2));
                exports++;
            }
            assertEquals(2, exports, read(log));
            assertTrue(shell.get("AI_ORCH_HOME").startsWith(dir.toString()), read(log));
            Matcher s = SOCKET.matcher(read(log));
            assertTrue(s.find(), read(log));
            String socket = s.group(1);

            ProcResult start = run(shell, "Write notes [[mock:goal_not_met]] [[mock-cmd:echo hi > notes.txt]]",
                    "start", "--project", "practice", "--timeout", "2m");
            assertEquals(0, start.exit(), start.toString());
            String id = start.out().strip();
            JsonObject first = JsonParser.parseString(run(shell, null, "wait", id, "--timeout", "2m").out()).getAsJsonObject();
            assertEquals("goal_not_met", first.get("outcome").getAsString(), first.toString());
            ProcResult resume = run(shell, first.get("followup_prompt").getAsString(), "resume", "--parent-run-id", id,
                    "--timeout", "2m");
            assertEquals(0, resume.exit(), resume.toString());
            JsonObject second = JsonParser.parseString(run(shell, null, "wait", "last", "--timeout", "2m").out()).getAsJsonObject();
            assertEquals("succeeded", second.get("outcome").getAsString(), second.toString());
            assertTrue(second.get("git_diff_stat").getAsString().contains("notes.txt"), "the resume did the work: " + second);

            sandbox.destroy(); // SIGTERM, as Ctrl-C or a closing terminal would
            assertTrue(sandbox.waitFor(60, TimeUnit.SECONDS), "the sandbox exits after cleaning up");
            assertFalse(Files.exists(dir), "the sandbox made " + dir + " and removed it");
            assertTrue(env.leftoverProcesses().isEmpty(), "no supervisor or codex left: " + env.leftoverProcesses());
            assertNotEquals(0, Procs.run(List.of("tmux", "-L", socket, "ls"), env.base, env.env(), null,
                    Duration.ofSeconds(20)).exit(), "its tmux server is gone");
            String err = Files.readString(env.base.resolve("sandbox.err"));
            assertTrue(err.contains("stopped; removed what it made"), err);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    private ProcResult run(Map<String, String> shell, String stdin, String... args) {
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of(args));
        return Procs.run(argv, env.base, shell, stdin, Duration.ofSeconds(90));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
