package dev.agentctl.demo;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `agentctl demo` as a user runs it, through the jar: real codex, git and tmux. The user's workspace
 * (AI_ORCH_HOME) and cache dir point into the test's directory, so "nothing left behind" can be checked.
 */
class DemoIT {
    private static final Pattern ROW = Pattern.compile("^(\\d{8}-\\d{6}-[0-9a-f]{6})\\s+(.+?)\\s{2,}(\\S+)\\s{2,}(.+?)\\s{2,}(\\d+)\\s+(\\d+\\.\\d)$",
            Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile("tmux server: (agentctl-demo-[a-z0-9]+) \\(private");

    private TestEnv env;
    private Path cache;
    private String userConfig;

    @BeforeEach
    void setUp() throws Exception {
        env = new TestEnv();
        cache = env.base.resolve("cache");
        env.env().put("XDG_CACHE_HOME", cache.toString());
        userConfig = Files.readString(env.home.resolve("config.json"));
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void demoInTmuxRunsThreeRunsAClaudeRunAndAResumeThenLeavesNothingBehind() throws Exception {
        String claudeDir = Path.of(dev.agentctl.testing.ClaudeBinary.path()).getParent().toString();
        env.env().put("PATH", claudeDir + ":" + env.env().get("PATH"));
        ProcResult r = demo();
        assertEquals(0, r.exit(), r.toString());
        assertScriptedTable(r);
        assertTrue(r.out().contains("(one run with Claude Code)"), r.out());
        Matcher m = SOCKET.matcher(r.out());
        assertTrue(m.find(), "names its tmux server: " + r);
        assertFalse(r.out().contains(" attach"), "no attach hint for panes that close at once: " + r);
        String socket = m.group(1);
        assertNothingLeftBehind(socket);
        assertNotEquals(0, Procs.run(List.of("tmux", "-L", socket, "ls"), env.base, env.env(), null, Duration.ofSeconds(20)).exit(),
                "the demo's tmux server is gone");
        assertFalse(Files.exists(Path.of("/tmp/tmux-" + Files.getAttribute(env.base, "unix:uid"), socket)), "no stale tmux socket");
    }

    @Test
    void demoWithoutTmuxRunsDetached() throws Exception {
        ProcResult r = demo("--no-tmux");
        assertEquals(0, r.exit(), r.toString());
        assertScriptedTable(r);
        assertFalse(r.out().contains("tmux -L"), "no tmux with --no-tmux: " + r.out());
        assertNothingLeftBehind(null);
    }

    @Test
    void keepLeavesTheDemoDirectoryToLookAt() throws Exception {
        ProcResult r = demo("--keep", "--no-tmux");
        assertEquals(0, r.exit(), r.toString());
        List<Path> kept = demoDirs();
        assertEquals(1, kept.size(), r.out());
        Path dir = kept.get(0);
        assertTrue(r.out().contains("Kept everything in " + dir), r.out());
        try (Stream<Path> runs = Files.list(dir.resolve("home/runs"))) {
            // The four runs; the workspace's own files under runs/ (.active.json, .queue.lock, ...) are not runs.
            assertEquals(4, runs.filter(p -> !p.getFileName().toString().startsWith(".")).count());
        }
        // Supervisors exit just after recording their outcome: a bounded poll, not an instant look.
        dev.agentctl.testing.Procs.await("runs ended, only files are kept", java.time.Duration.ofSeconds(30), () -> env.leftoverProcesses().isEmpty());
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void anInterruptedDemoStillLeavesNothingBehind() throws Exception {
        Path log = env.base.resolve("demo.out");
        List<String> argv = TestEnv.agentctlArgv();
        argv.add("demo");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(env.base.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env.env());
        Process demo = pb.start();
        try {
            // Interrupt while the three runs are going: they are stopped, not waited for.
            Procs.await("the demo waiting for its runs", Duration.ofSeconds(60), () -> read(log).contains("waiting:"));
            demo.destroy(); // SIGTERM, as from kill or a closing terminal
            assertTrue(demo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "demo exits after cleaning up");
        } finally {
            demo.destroyForcibly();
        }
        Matcher m = SOCKET.matcher(read(log));
        assertTrue(m.find(), read(log));
        // Cleanup ran in the demo's shutdown hook, before the JVM exited: nothing is left right now.
        assertNothingLeftBehind(m.group(1));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutCodexTheDemoSaysHowToInstallItAndExits1() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        assertFalse(Files.exists(javaBin.resolve("codex")));
        env.env().put("PATH", javaBin.toString()); // java, but no codex
        env.env().put("JAVA_HOME", System.getProperty("java.home"));
        ProcResult r = demo();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("codex is not installed"), r.err());
        assertTrue(r.err().contains(dev.agentctl.codex.CodexVersion.INSTALL_HINT), r.err());
        assertTrue(demoDirs().isEmpty(), "nothing created");
    }

    private ProcResult demo(String... args) {
        List<String> argv = TestEnv.agentctlArgv();
        argv.add("demo");
        argv.addAll(List.of(args));
        return Procs.run(argv, env.base, env.env(), null, Duration.ofMinutes(4));
    }

    /** 3 parallel runs as scripted (4 when claude is on the demo's PATH), then the resumed one. */
    private void assertScriptedTable(ProcResult r) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(r.out());
        while (m.find()) rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
        if (dev.agentctl.proc.Executables.find("claude", env.env().get("PATH"), env.base) != null) {
            assertEquals(5, rows.size(), "table of 5 runs in:\n" + r.out());
            String[] claude = rows.remove(3);
            assertArrayEquals(new String[] {"add CONTRIBUTING (claude)", "succeeded", "1 file, +3 -0"}, slice(claude), r.out());
            assertTrue(Long.parseLong(claude[4]) > 0, "tokens counted: " + r.out());
        }
        assertEquals(4, rows.size(), "table of 4 runs in:\n" + r.out());
        assertArrayEquals(new String[] {"add greet()", "succeeded", "2 files, +4 -0"}, slice(rows.get(0)), r.out());
        assertArrayEquals(new String[] {"write CHANGELOG", "goal_not_met", "no changes"}, slice(rows.get(1)), r.out());
        assertArrayEquals(new String[] {"add LICENSE", "succeeded", "1 file, +3 -0"}, slice(rows.get(2)), r.out());
        // The resumed run did what its title says: CHANGELOG.md is written.
        assertArrayEquals(new String[] {"write CHANGELOG (resumed)", "succeeded", "1 file, +5 -0"}, slice(rows.get(3)), r.out());
        for (String[] row : rows) assertTrue(Long.parseLong(row[4]) > 0, "tokens counted: " + r.out());
        assertTrue(r.out().contains("agentctl merge ") && r.out().contains("fast-forwarded main to agentctl/"),
                "ends with one merge of a run's branch: " + r.out());
        assertTrue(r.out().contains("resuming it with its followup_prompt"), r.out());
        assertTrue(r.out().contains("Demo OK"), r.out());
    }

    private static String[] slice(String[] row) {
        return new String[] {row[1], row[2], row[3]};
    }

    private void assertNothingLeftBehind(String socket) throws IOException {
        assertTrue(demoDirs().isEmpty(), "demo directory removed: " + demoDirs());
        // Supervisors exit just after recording their outcome: a bounded poll, not an instant look.
        dev.agentctl.testing.Procs.await("no process left", java.time.Duration.ofSeconds(30), () -> env.leftoverProcesses().isEmpty());
        if (socket != null) {
            assertTrue(ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().map(c -> c.contains(socket)).orElse(false)),
                    "no tmux server of the demo left");
        }
        // The user's workspace is untouched: same config, no runs.
        assertEquals(userConfig, Files.readString(env.home.resolve("config.json")));
        try (Stream<Path> runs = Files.list(env.home.resolve("runs"))) {
            assertEquals(0, runs.count(), "no run in the user's workspace");
        }
    }

    private List<Path> demoDirs() throws IOException {
        Path root = cache.resolve("agentctl");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(DemoPlace.PREFIX)).toList();
        }
    }

}
