package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults that used to lose a run, leave processes or secrets behind, or end in a stack trace. */
class HardeningIT extends RealRunTest {
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !dev.agentctl.proc.ProcessIdentity.isZombie(pid);
    }

    private static void assertDead(long pid, String what) {
        Procs.await(what + " (pid " + pid + ") gone", Duration.ofSeconds(30), () -> !alive(pid));
    }

    private static long readPid(Path file) {
        Procs.await(file + " written", Duration.ofSeconds(30), () -> {
            try {
                return Files.exists(file) && Files.readString(file).strip().matches("\\d+");
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A fake codex that leaves two daemons behind the way agents do, both deaf to SIGINT and SIGTERM, then hangs. */
    private Path daemonizingCodex() throws IOException {
        Path script = env.base.resolve("fake-codex");
        String setsidPid = env.base.resolve("setsid.pid").toString();
        String nohupPid = env.base.resolve("nohup.pid").toString();
        Files.writeString(script, "#!/bin/sh\n"
                + "trap '' INT TERM\n"
                // double fork + setsid: the daemon leaves codex's process tree and session
                + "( setsid sh -c 'echo $$ > \"$0\"; exec sleep 600' '" + setsidPid + "' & )\n"
                + "( nohup sleep 600 >/dev/null 2>&1 & echo $! > '" + nohupPid + "' )\n"
                + "trap - INT TERM\n"
                + "exec sleep 600\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        env.config(c -> c.addProperty("codex_bin", script.toString()));
        return script;
    }

    @Test
    void killStopsDaemonizedGrandchildrenToo() throws Exception {
        daemonizingCodex();
        String id = env.start("anything");
        awaitRunning(id);
        long setsid = readPid(env.base.resolve("setsid.pid"));
        long nohup = readPid(env.base.resolve("nohup.pid"));
        assertTrue(alive(setsid) && alive(nohup));
        try {
            ProcResult k = TestEnv.ok(env.agentctl(null, "kill", id));
            assertTrue(k.out().contains("killed"), k.toString());
            assertDead(setsid, "double-forked setsid daemon");
            assertDead(nohup, "nohup'd command");
        } finally {
            ProcessHandle.of(setsid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(nohup).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aFrozenSupervisorDoesNotKeepARunPastItsDeadline() throws Exception {
        // Detached: tmux continues a stopped pane process at once (it sends SIGCONT), so a pane cannot stay frozen.
        String id = env.start("Hang [[mock:hang]]", "--timeout", "3s", "--no-tmux");
        JsonObject[] m0 = new JsonObject[1];
        Procs.await("supervisor running", Duration.ofSeconds(60), () -> {
            try {
                m0[0] = env.meta(id);
                return m0[0].has("supervisor_pid") && !m0[0].get("supervisor_pid").isJsonNull();
            } catch (Exception e) {
                return false;
            }
        });
        long supervisor = m0[0].get("supervisor_pid").getAsLong();
        TestEnv.ok(new ProcResult(new ProcessBuilder("kill", "-STOP", Long.toString(supervisor)).start().waitFor(), "", ""));
        try {
            JsonObject m = env.waitFor(id, "90s");
            assertEquals("timed_out", m.get("outcome").getAsString(), m.toString());
            assertTrue(m.get("error").getAsString().contains("did not act"), m.toString());
            if (m.has("codex_pid") && !m.get("codex_pid").isJsonNull()) assertDead(m.get("codex_pid").getAsLong(), "codex");
            assertDead(supervisor, "the frozen supervisor");
            assertEquals(1, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
        } finally {
            ProcessHandle.of(supervisor).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aRunDirectoryDeletedMidRunStopsCodexAndIsNotRecreated() throws Exception {
        String id = env.start("Hang [[mock:hang]]");
        JsonObject running = awaitRunning(id);
        Path dir = env.home.resolve("runs").resolve(id);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertDead(running.get("codex_pid").getAsLong(), "codex of a deleted run");
        assertDead(running.get("supervisor_pid").getAsLong(), "its supervisor");
        assertFalse(Files.exists(dir), "nothing recreated the run directory");
        assertEquals(2, env.agentctl(null, "show", id).exit());
    }

    @Test
    void aSupervisorKilledBeforeReadingItsEnvironmentLeavesNoEnvJson() throws Exception {
        String id = env.start("Hang [[mock:hang]]", "--no-tmux");
        Path dir = env.home.resolve("runs").resolve(id);
        // The supervisor-to-be: the process running `supervise -- ID` (a JVM still starting).
        List<ProcessHandle> sup = ProcessHandle.allProcesses()
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(id) && List.of(a).contains("supervise")).orElse(false))
                .toList();
        assertEquals(1, sup.size(), "one supervisor process");
        sup.get(0).destroyForcibly();
        ProcResult r = TestEnv.ok(env.agentctl(null, "reconcile"));
        JsonObject m = env.meta(id);
        if (m.get("status").getAsString().equals("queued") || r.out().contains(id)) {
            assertEquals("lost", m.get("outcome").getAsString(), r + "\n" + m);
        }
        assertEquals("finished", m.get("status").getAsString(), m.toString());
        assertFalse(Files.exists(dir.resolve("env.json")), "the caller's environment is not left behind");
    }

    @Test
    void tailAndListJsonStreamInsteadOfRunningOutOfMemory() throws Exception {
        Path log = env.home.resolve("notify.log");
        try (var out = Files.newOutputStream(log)) {
            byte[] line = ("[t] ✅ done x " + "z".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 70_000; i++) out.write(line); // ~70 MiB against a 32 MiB heap
        }
        ProcResult tail = smallHeap("tail", "-n", "2", "--no-follow");
        assertEquals(0, tail.exit(), tail.err());
        assertEquals(2, tail.out().strip().split("\n").length);
        String summary = "s".repeat(1_500_000);
        for (int i = 0; i < 40; i++) {
            String id = "r" + i;
            Path dir = Files.createDirectories(env.home.resolve("runs").resolve(id));
            JsonObject m = new JsonObject();
            m.addProperty("run_id", id);
            m.addProperty("status", "finished");
            m.addProperty("outcome", "succeeded");
            m.addProperty("created_at", "2026-01-01T00:00:" + (10 + i) + "Z");
            m.addProperty("summary", summary);
            dev.agentctl.store.Json.writeAtomically(dir.resolve("meta.json"), m);
        }
        ProcResult list = smallHeap("list", "--json", "--limit", "1000"); // past the default 30 rows
        assertEquals(0, list.exit(), list.err().lines().findFirst().orElse(""));
        assertEquals(40, JsonParser.parseString(list.out()).getAsJsonArray().size());
    }

    /** agentctl in a JVM with a 32 MiB heap: a resource limit must not be what decides the outcome. */
    private ProcResult smallHeap(String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-jar", System.getProperty("agentctl.jar", TestEnv.ROOT.resolve("target/agentctl.jar").toString())));
        argv.addAll(List.of(args));
        ProcResult r = Procs.run(argv, env.project, env.env(), null, Duration.ofSeconds(120));
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err().lines().limit(3).toList());
        return r;
    }
}
