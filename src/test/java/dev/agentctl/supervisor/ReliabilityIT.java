package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.TestEnv;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Runs never stay running forever and never lose their result: kill, deadlines, stalls, lost supervisors. */
class ReliabilityIT extends RealRunTest {
    private static void assertDead(long pid, String what) {
        Procs.await(what + " (pid " + pid + ") gone", Duration.ofSeconds(20),
                () -> Procs.gone(pid));
    }

    @Test
    void killStopsCodexMidRunAndFinalizesOnce() throws Exception {
        String id = env.start("Think forever [[mock:hang]]", "--sandbox", "read-only", "--model", "gpt-5.5");
        JsonObject running = awaitRunning(id);
        assertEquals("running", running.get("status").getAsString());
        String argv = running.get("codex_argv").toString();
        assertTrue(argv.contains("\"--sandbox\",\"read-only\""), "--sandbox wins over the profile: " + argv);
        assertTrue(argv.contains("\"-m\",\"gpt-5.5\""), "--model wins over the profile: " + argv);
        ProcResult k = TestEnv.ok(env.agentctl(null, "kill", id, "--reason", "changed my mind"));
        assertTrue(k.out().contains("killed"), k.toString());
        JsonObject m = env.meta(id);
        assertEquals("killed", m.get("outcome").getAsString(), m.toString());
        assertEquals("changed my mind", m.get("error").getAsString());
        assertDead(running.get("codex_pid").getAsLong(), "codex");
        ProcResult again = TestEnv.ok(env.agentctl(null, "kill", id));
        assertTrue(again.out().contains("already finished"), again.toString());
        assertEquals(m, env.meta(id), "killing a finished run changes nothing");
        assertEquals(1, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
        ProcResult exitStatus = env.agentctl(null, "wait", id, "--exit-status");
        assertEquals(3, exitStatus.exit(), "wait --exit-status on a killed run");
    }

    @Test
    void deadlineEndsARunWhoseProviderIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path toml = env.codexHome.resolve("config.toml");
        Files.writeString(toml, Files.readString(toml).replace(env.model.baseUrl(), "http://127.0.0.1:" + closedPort + "/v1"));
        String id = env.start("Nobody is listening", "--timeout", "5s");
        JsonObject m = env.waitFor(id, "90s");
        assertEquals("timed_out", m.get("outcome").getAsString(), m.toString());
        assertTrue(m.get("error").getAsString().contains("deadline"), m.toString());
        assertDead(m.get("codex_pid").getAsLong(), "codex");
    }

    @Test
    void aQuietRunIsMarkedStalledAndNotifiedOnce() throws Exception {
        env.config(c -> c.addProperty("stall_after", "2s"));
        String id = env.start("Hang [[mock:hang]]");
        Path jsonl = env.home.resolve("notify.jsonl");
        Procs.await("stalled notification", Duration.ofSeconds(60), () -> {
            try {
                return Files.exists(jsonl) && Files.readString(jsonl).contains("\"event\":\"stalled\"");
            } catch (IOException e) {
                return false;
            }
        });
        JsonObject m = env.meta(id);
        assertTrue(m.get("stalled").getAsBoolean(), m.toString());
        assertEquals("running", m.get("status").getAsString());
        TestEnv.ok(env.agentctl(null, "kill", id));
        String all = Files.readString(jsonl);
        assertEquals(1, all.split("\"event\":\"stalled\"").length - 1, all);
        assertFalse(env.meta(id).get("stalled").getAsBoolean());
    }

    @Test
    void stallActionKillStopsAQuietRun() throws Exception {
        env.config(c -> {
            c.addProperty("stall_after", "2s");
            c.addProperty("stall_action", "kill");
        });
        String id = env.start("Hang [[mock:hang]]");
        JsonObject m = env.waitFor(id, "60s");
        assertEquals("killed", m.get("outcome").getAsString(), m.toString());
        assertTrue(m.get("error").getAsString().startsWith("stalled"), m.toString());
        assertDead(m.get("codex_pid").getAsLong(), "codex");
    }

    @Test
    void racingKillsReconcilesAndWaitsEndInOneFinalStateAndOneNotification() throws Exception {
        String id = env.start("Hang [[mock:hang]]");
        awaitRunning(id);
        List<CompletableFuture<ProcResult>> all = new ArrayList<>();
        for (String[] args : new String[][] {{"wait", id, "--timeout", "60s"}, {"wait", id, "--timeout", "60s"},
                {"wait", id, "--timeout", "60s"}, {"kill", id, "--reason", "first"}, {"kill", id, "--reason", "second"},
                {"reconcile"}, {"reconcile"}}) {
            List<String> argv = TestEnv.agentctlArgv();
            argv.addAll(List.of(args));
            all.add(CompletableFuture.supplyAsync(() -> Procs.run(argv, env.project, env.env(), null, Duration.ofSeconds(90))));
        }
        JsonObject fin = env.meta(id);
        for (int i = 0; i < all.size(); i++) {
            ProcResult r = all.get(i).get();
            assertEquals(0, r.exit(), r.toString());
            if (i < 3) {
                fin = env.meta(id);
                assertEquals(fin, JsonParser.parseString(r.out()).getAsJsonObject(), "every wait sees the one final meta");
            }
        }
        assertEquals("killed", fin.get("outcome").getAsString());
        assertTrue(List.of("first", "second").contains(fin.get("error").getAsString()), fin.toString());
        assertEquals(1, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
    }

    @Test
    void aSupervisorKilledWithSigkillIsNoticedAsLostByAWaitingWait() throws Exception {
        String id = env.start("Hang [[mock:hang]]");
        JsonObject running = awaitRunning(id);
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("wait", id, "--timeout", "60s"));
        CompletableFuture<ProcResult> waiting = CompletableFuture.supplyAsync(
                () -> Procs.run(argv, env.project, env.env(), null, Duration.ofSeconds(90)));
        long supervisor = running.get("supervisor_pid").getAsLong();
        ProcessHandle.of(supervisor).orElseThrow().destroyForcibly();
        ProcResult w = waiting.get();
        assertEquals(0, w.exit(), w.toString());
        JsonObject m = JsonParser.parseString(w.out()).getAsJsonObject();
        assertEquals("lost", m.get("outcome").getAsString(), m.toString());
        assertDead(running.get("codex_pid").getAsLong(), "orphaned codex");
    }

    @Test
    void closingThePaneLeavesNoCodexRunning() throws Exception {
        String id = env.start("Hang [[mock:hang]]");
        JsonObject running = awaitRunning(id);
        TestEnv.ok(new ProcResult(env.tmux("kill-pane", "-t", running.get("pane_id").getAsString()).exit(), "", ""));
        assertDead(running.get("codex_pid").getAsLong(), "codex after its pane closed");
        JsonObject m = env.waitFor(id, "30s");
        assertEquals("lost", m.get("outcome").getAsString(), m.toString());
    }

    @Test
    void reconcileMarksRunsWithoutASupervisorLost() throws Exception {
        String id = env.start("Hang [[mock:hang]]");
        JsonObject running = awaitRunning(id);
        ProcessHandle.of(running.get("supervisor_pid").getAsLong()).orElseThrow().destroyForcibly();
        assertDead(running.get("supervisor_pid").getAsLong(), "supervisor");
        ProcResult r = TestEnv.ok(env.agentctl(null, "reconcile"));
        assertTrue(r.out().contains(id + ": running -> lost"), r.toString());
        assertEquals("lost", env.meta(id).get("outcome").getAsString());
        assertEquals("", TestEnv.ok(env.agentctl(null, "reconcile")).out(), "nothing left to change");
    }

    @Test
    void detachedModeStartWaitShow() throws Exception {
        String id = env.start("Detached [[mock-cmd:echo d > d.txt]]", "--no-tmux");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals("detached", m.get("launcher").getAsString());
        String argv = m.get("codex_argv").toString();
        assertTrue(argv.contains("--dangerously-bypass-approvals-and-sandbox"), "spark has no sandbox: " + argv);
        assertTrue(argv.contains("model_reasoning_effort"), "spark's effort becomes a flag: " + argv);
        assertTrue(m.get("pane_id").isJsonNull());
        assertTrue(m.get("git_diff_stat").getAsString().contains("d.txt"));
        Path paneLog = env.home.resolve("runs").resolve(id).resolve("pane.log");
        // The pane shows the result just after the final meta is written.
        Procs.await("result in pane.log", Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(paneLog).contains("succeeded");
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(TestEnv.ok(env.agentctl(null, "show", id)).out().contains(id));
    }

    @Test
    void twentyConcurrentStartsMakeTwentyRunsThatAllFinish() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            starts.add(pool.submit(() -> env.start("Concurrent " + n + " [[mock:goal_not_met]]")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : starts) ids.add(f.get());
        pool.shutdown();
        assertEquals(20, new HashSet<>(ids).size(), "distinct ids: " + ids);
        List<String> argv = new ArrayList<>(List.of("wait"));
        argv.addAll(ids);
        argv.addAll(List.of("--timeout", "300s"));
        ProcResult w = TestEnv.ok(env.agentctl(null, argv.toArray(String[]::new)));
        var arr = JsonParser.parseString(w.out()).getAsJsonArray();
        for (var e : arr) assertEquals("goal_not_met", e.getAsJsonObject().get("outcome").getAsString(), e.toString());
        assertEquals(20, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
    }
}
