package dev.agentctl.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.testing.TestEnv;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed-style launcher as a shell user drives it: pipes, background followers. */
class CliIT {
    @TempDir Path tmp;
    Path home;
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        home = tmp.resolve("home");
        env = new HashMap<>(System.getenv());
        env.put("AI_ORCH_HOME", home.toString());
    }

    private String agentctl() {
        return String.join(" ", TestEnv.agentctlArgv().stream().map(a -> "'" + a + "'").toList());
    }

    @Test
    void listIntoAClosedPipeEndsQuietly() {
        for (int i = 0; i < 300; i++) {
            RunFixtures.write(home, String.format("20260101-%06d-aaaaaa", i), "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        }
        ProcResult r = Procs.run(List.of("bash", "-c", agentctl() + " list | head -1; echo \"status=${PIPESTATUS[0]}\""),
                tmp, env, null, Duration.ofSeconds(60));
        assertTrue(r.out().startsWith("20260101-000299-aaaaaa\t"), r.toString());
        assertTrue(r.out().contains("status=0"), r.toString());
        assertEquals("", r.err(), "nothing on stderr");
    }

    @Test
    void tailPrintsTheLastLinesThenFollowsNewOnes() throws Exception {
        Files.createDirectories(home);
        Path log = home.resolve("notify.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        ProcResult once = Procs.run(List.of("bash", "-c", agentctl() + " tail -n 2 --no-follow"), tmp, env, null, Duration.ofSeconds(30));
        assertEquals("two\nthree\n", once.out(), once.toString());

        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("tail", "-n", "1"));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = in.readLine()) != null) lines.add(l);
                } catch (Exception ignored) {
                    // process ended
                }
            });
            reader.start();
            assertEquals("three", lines.poll(20, TimeUnit.SECONDS));
            Files.writeString(log, "four\n", StandardOpenOption.APPEND);
            assertEquals("four", lines.poll(20, TimeUnit.SECONDS), "a new notification arrives while following");
        } finally {
            p.destroyForcibly();
        }
    }
}
