package dev.agentctl.doctor;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** doctor through the jar, with its live turn: real codex against the offline model doctor starts itself. */
class DoctorIT {
    private static final String OK = Status.OK.symbol(true);
    private static final String FAIL = Status.FAIL.symbol(true);

    private TestEnv env;

    @BeforeEach
    void setUp() throws Exception {
        env = new TestEnv();
        env.env().put("LANG", "C.UTF-8"); // the ✓/✗ symbols, whatever the machine's locale
        env.env().put("XDG_CACHE_HOME", env.base.resolve("cache").toString());
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void aHealthySetupPassesTheLiveTurnAndExits0() throws Exception {
        ProcResult r = env.agentctl(null, "doctor");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(OK + " live codex turn: codex answered the offline model with goal_met true \\(\\d+\\.\\d s\\)")),
                r.out());
        assertTrue(r.out().contains(OK + " codex version: codex-cli " + dev.agentctl.codex.CodexVersion.TESTED), r.out());
        assertNoScratchLeft();
    }

    @Test
    void aClaudeProfileGetsALiveClaudeTurn() throws Exception {
        env.useClaude();
        env.config(c -> c.add("profiles", dev.agentctl.store.Json.parseObject("{\"cl\": {\"agent\": \"claude\"}}", "t")));
        ProcResult r = env.agentctl(null, "doctor");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(OK + " live claude turn: claude answered the offline model with goal_met true \\(\\d+\\.\\d s\\)")),
                r.out());
        assertNoScratchLeft();
    }

    @Test
    void aLaxSchemaFailsStaticallyAndLive() throws Exception {
        Path schema = env.home.resolve("codex_output_schema.json");
        Files.writeString(schema, "{\"type\":\"object\",\"required\":[\"goal_met\"],\"properties\":{\"goal_met\":{\"type\":\"boolean\"}}}");
        ProcResult r = env.agentctl(null, "doctor");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains(FAIL + " output schema: " + schema + " is not strict-valid: "), r.out());
        assertTrue(r.out().contains(FAIL + " live codex turn: codex exited 1: Invalid schema for response_format "
                + "'codex_output_schema': In context=(), 'additionalProperties' is required to be supplied and to be false.\n"
                + "    fix: make the output schema strict: see the output schema line above\n"), r.out());
        assertNoScratchLeft();
    }

    @Test
    void missingCodexOnPathFailsWithTheInstallHintAndSkipsTheLiveTurn() throws Exception {
        // A PATH with java, git and tmux but certainly no codex.
        Path bin = Files.createDirectories(env.base.resolve("bin-without-codex"));
        for (String tool : new String[] {"git", "tmux"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(Procs.run(java.util.List.of("/bin/sh", "-c", "command -v " + tool),
                    env.base, null, null, java.time.Duration.ofSeconds(10)).out().strip()));
        }
        env.env().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + bin);
        env.env().put("JAVA_HOME", System.getProperty("java.home"));
        ProcResult r = env.agentctl(null, "doctor");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains(FAIL + " codex: codex_bin 'codex' is not on PATH\n    fix: install it: "
                + dev.agentctl.codex.CodexVersion.INSTALL_HINT + "; or set codex_bin in " + env.home.resolve("config.json") + " to the codex executable\n"), r.out());
        assertFalse(r.out().contains("live codex turn"), r.out());
        assertTrue(r.out().contains(OK + " git: "), "the rest still checked: " + r.out());
    }

    private void assertNoScratchLeft() throws Exception {
        Path root = env.base.resolve("cache/agentctl");
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith("doctor-")).count(), "live check cleaned up");
        }
    }
}
