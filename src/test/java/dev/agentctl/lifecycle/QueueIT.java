package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue with a quick fake agent (detached supervisors): caps, FIFO order, --after, --no-queue, kill and
 * queue timeouts of queued runs, and a queue that drains after a supervisor is killed with -9 or the record
 * of unfinished runs is lost. The same flows with the real codex in tmux panes are in SpiralIT.
 */
class QueueIT extends RealRunTest {
    static final Path FAKE_CODEX = TestEnv.ROOT.resolve("src/test/scripts/slow-fake-codex");

    @BeforeEach
    void fakeAgent() throws Exception {
        env.config(c -> {
            c.addProperty("codex_bin", FAKE_CODEX.toString());
            c.addProperty("launcher", "detached");
        });
        env.env().put("FAKE_CODEX_SECONDS", "1");
    }

    private void cap(int n) throws Exception {
        env.config(c -> c.addProperty("max_concurrent", n));
    }

    private JsonArray waitAll(List<String> ids, String timeout) {
        List<String> args = new ArrayList<>(List.of("wait"));
        args.addAll(ids);
        args.addAll(List.of("--timeout", timeout));
        ProcResult r = TestEnv.ok(env.agentctl(null, args.toArray(String[]::new)));
        JsonElement e = JsonParser.parseString(r.out());
        if (e.isJsonArray()) return e.getAsJsonArray();
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    /** start, with room for thirty JVMs starting at once on two busy cores. */
    private String startPatiently(String prompt, String... args) {
        List<String> argv = TestEnv.agentctlArgv();
        argv.add("start");
        argv.addAll(List.of(args));
        ProcResult r = Procs.run(argv, env.project, env.env(), prompt, Duration.ofSeconds(600));
        assertEquals(0, r.exit(), r.toString());
        return r.out().strip();
    }

    private Path gate(String name) {
        Path gate = env.base.resolve(name);
        env.env().put("FAKE_CODEX_GATE", gate.toString());
        return gate;
    }

    /** The most runs between {@code from} and ended_at at one moment: a sweep over the edges. */
    private static int mostAtOnce(List<JsonObject> runs, String from) {
        List<long[]> edges = new ArrayList<>();
        for (JsonObject m : runs) {
            edges.add(new long[] {micros(at(m, from)), 1});
            edges.add(new long[] {micros(at(m, "ended_at")), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])); // an end before a start at the same instant
        int running = 0;
        int most = 0;
        for (long[] e : edges) {
            running += e[1];
            most = Math.max(most, running);
        }
        return most;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    private static Instant at(JsonObject m, String key) {
        return Instant.parse(m.get(key).getAsString());
    }

    @Test
    void thirtyConcurrentStartsAgainstACapOfThreeRunThreeAtATimeInOrder() throws Exception {
        cap(3);
        env.env().put("FAKE_CODEX_SECONDS", "1.5");
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<String>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                int n = i;
                starts.add(pool.submit(() -> startPatiently("run " + n, "--title", "r" + n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : starts) ids.add(f.get());
            JsonArray done = waitAll(ids, "600s");
            List<JsonObject> runs = new ArrayList<>();
            done.forEach(e -> runs.add(e.getAsJsonObject()));
            assertEquals(30, runs.size());
            for (JsonObject m : runs) {
                assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
                String log = Files.readString(env.home.resolve("runs").resolve(m.get("run_id").getAsString()).resolve("pane.log"));
                assertFalse(log.contains("nothing to do"), "one supervisor per run: " + log);
            }
            // Never more than three running at once (a sweep over start and end times), nor holding a slot
            // (launch to end); and the cap was used: measured on slots, since under load a supervisor's
            // start-up can take longer than a 1.5 s run.
            assertTrue(mostAtOnce(runs, "started_at") <= 3, "at most 3 running at once, saw " + mostAtOnce(runs, "started_at"));
            assertEquals(3, mostAtOnce(runs, "launched_at"), "the cap was used, and never exceeded");
            // FIFO: slots were handed out in the order the runs were created.
            runs.sort(Comparator.comparing(m -> at(m, "created_at")));
            for (int i = 1; i < runs.size(); i++) {
                assertFalse(at(runs.get(i), "launched_at").isBefore(at(runs.get(i - 1), "launched_at")),
                        "launched in creation order: " + runs.get(i - 1) + "\n" + runs.get(i));
            }
            Map<String, Integer> notes = new HashMap<>();
            for (String line : Files.readAllLines(env.home.resolve("notify.jsonl"))) {
                notes.merge(JsonParser.parseString(line).getAsJsonObject().get("run_id").getAsString(), 1, Integer::sum);
            }
            assertEquals(30, notes.size());
            assertTrue(notes.values().stream().allMatch(n -> n == 1), "one notification each: " + notes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queuedRunsSayWhyTheyWaitAndListShowsTheirPlace() throws Exception {
        cap(1);
        Path gate = gate("gate-a");
        String a = env.start("a");
        env.env().remove("FAKE_CODEX_GATE");
        String b = env.start("b");
        String c = env.start("c");
        JsonObject mb = env.meta(b);
        assertEquals("queued", mb.get("status").getAsString());
        assertEquals("max_concurrent 1 reached (1 running)", mb.get("queued_reason").getAsString());
        assertFalse(mb.get("queued_at").isJsonNull());
        String list = TestEnv.ok(env.agentctl(null, "list")).out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith(b) && l.endsWith("\tqueue=1")), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith(c) && l.endsWith("\tqueue=2")), list);
        JsonObject status = JsonParser.parseString(TestEnv.ok(env.agentctl(null, "status", "--json")).out()).getAsJsonObject();
        assertEquals(1, status.get("running").getAsInt(), status.toString());
        assertEquals(2, status.get("queued").getAsInt());
        assertEquals(1, status.getAsJsonObject("global").get("limit").getAsInt());
        assertEquals(b, status.getAsJsonObject("oldest_queued").get("run_id").getAsString());
        Files.writeString(gate, "");
        JsonArray done = waitAll(List.of(a, b, c), "300s");
        JsonObject ra = done.get(0).getAsJsonObject();
        JsonObject rb = done.get(1).getAsJsonObject();
        JsonObject rc = done.get(2).getAsJsonObject();
        assertFalse(at(rb, "started_at").isBefore(at(ra, "ended_at")), "b started after a ended");
        assertFalse(at(rc, "started_at").isBefore(at(rb, "ended_at")), "c started after b ended");
        assertFalse(Files.exists(env.home.resolve("runs").resolve(c).resolve("env.json")), "the caller's environment was read and deleted");
    }

    @Test
    void afterWaitsForItsRunsAndEndsFailedWhenOneDidNotSucceed() throws Exception {
        Path gate = gate("gate-a");
        String a = env.start("a");
        env.env().remove("FAKE_CODEX_GATE");
        env.env().put("FAKE_CODEX_EXIT", "1");
        String bad = env.start("fails");
        env.env().remove("FAKE_CODEX_EXIT");
        String b = env.start("after a", "--after", a);
        String c = env.start("after bad", "--after", a + "," + bad);
        String d = env.start("after bad, any outcome", "--after", bad, "--after-any");
        assertEquals("queued", env.meta(b).get("status").getAsString());
        assertTrue(env.meta(b).get("queued_reason").getAsString().startsWith("after " + a), env.meta(b).toString());
        Files.writeString(gate, "");
        JsonArray done = waitAll(List.of(a, bad, b, c, d), "300s");
        JsonObject ra = done.get(0).getAsJsonObject();
        assertEquals("failed", done.get(1).getAsJsonObject().get("outcome").getAsString());
        JsonObject rb = done.get(2).getAsJsonObject();
        assertEquals("succeeded", rb.get("outcome").getAsString(), rb.toString());
        assertFalse(at(rb, "started_at").isBefore(at(ra, "ended_at")), "b started after a ended");
        JsonObject rc = done.get(3).getAsJsonObject();
        assertEquals("failed", rc.get("outcome").getAsString(), rc.toString());
        assertEquals("dependency " + bad + " failed", rc.get("error").getAsString());
        assertTrue(rc.get("started_at") == null || rc.get("started_at").isJsonNull(), "never started: " + rc);
        assertEquals("succeeded", done.get(4).getAsJsonObject().get("outcome").getAsString());
        ProcResult unknown = env.agentctl("x", "start", "--after", "20200101-000000-abcdef");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.toString());
        ProcResult cycle = env.agentctl("x", "start", "--run-id", "20200101-000000-abcdef", "--after", "20200101-000000-abcdef");
        assertEquals(2, cycle.exit(), cycle.toString());
        assertFalse(Files.exists(env.home.resolve("runs/20200101-000000-abcdef")), "nothing left behind");
    }

    @Test
    void noQueueRefusesAQueuedRunIsKilledWithoutStartingAndAQueueTimeoutEndsOne() throws Exception {
        cap(1);
        env.env().put("FAKE_CODEX_SECONDS", "60");
        String a = env.start("long");
        long before = Files.list(env.home.resolve("runs")).count();
        ProcResult refused = env.agentctl("x", "start", "--no-queue", "--title", "impatient");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("agentctl: refused: --no-queue and max_concurrent 1 reached (1 running)", refused.err().strip());
        assertEquals("", refused.out());
        assertEquals(before, Files.list(env.home.resolve("runs")).count(), "nothing left behind");
        JsonObject v = JsonParser.parseString(Files.readAllLines(env.home.resolve("violations.jsonl")).get(0)).getAsJsonObject();
        assertEquals("no_queue", v.get("rule").getAsString());
        assertEquals("impatient", v.get("title").getAsString());

        String b = env.start("queued then killed");
        ProcResult kill = TestEnv.ok(env.agentctl(null, "kill", b, "--reason", "not needed"));
        assertEquals(b + ": killed", kill.out().strip());
        JsonObject mb = env.meta(b);
        assertEquals("killed", mb.get("outcome").getAsString());
        assertEquals("not needed", mb.get("error").getAsString());
        assertTrue(mb.get("started_at") == null || mb.get("started_at").isJsonNull(), "never started");

        String c = env.start("gives up", "--queue-timeout", "2s");
        JsonObject mc = env.waitFor(c, "60s");
        assertEquals("timed_out", mc.get("outcome").getAsString(), mc.toString());
        assertTrue(mc.get("error").getAsString().startsWith("queue timeout of 2s"), mc.toString());
        TestEnv.ok(env.agentctl(null, "kill", a));
        assertEquals(1, Files.readAllLines(env.home.resolve("notify.jsonl")).stream().filter(l -> l.contains(b)).count());
    }

    @Test
    void aSupervisorKilledWithSigkillAndALostRecordDoNotStopTheQueue() throws Exception {
        cap(1);
        env.env().put("FAKE_CODEX_SECONDS", "120");
        String a = env.start("dies");
        env.env().put("FAKE_CODEX_SECONDS", "1");
        String b = env.start("waits");
        String c = env.start("waits too");
        Procs.await("a running", Duration.ofSeconds(60), () -> {
            try {
                return "running".equals(env.meta(a).get("status").getAsString()) && !env.meta(a).get("codex_pid").isJsonNull();
            } catch (Exception e) {
                return false;
            }
        });
        long supervisor = env.meta(a).get("supervisor_pid").getAsLong();
        ProcessHandle.of(supervisor).orElseThrow().destroyForcibly();
        Procs.await("supervisor gone", Duration.ofSeconds(10), () -> Procs.gone(supervisor));
        // The record of unfinished runs is a cache: losing it must not lose a queued run.
        Files.delete(env.home.resolve("runs/.active.json"));
        JsonArray done = waitAll(List.of(a, b, c), "300s");
        assertEquals("lost", done.get(0).getAsJsonObject().get("outcome").getAsString());
        assertEquals("succeeded", done.get(1).getAsJsonObject().get("outcome").getAsString(), done.toString());
        assertEquals("succeeded", done.get(2).getAsJsonObject().get("outcome").getAsString(), done.toString());
        // b's and c's supervisors exit just after they record their outcome; the lost run's codex (120 s) would stay.
        Procs.await("the lost run's codex stopped, the other supervisors exited", Duration.ofSeconds(30),
                () -> env.leftoverProcesses().isEmpty());
    }

    @Test
    void aQueuedRunMissingFromTheRecordIsFoundAgainByReconcile() throws Exception {
        cap(1);
        env.env().put("FAKE_CODEX_SECONDS", "60");
        String blocker = env.start("blocker");
        env.env().put("FAKE_CODEX_SECONDS", "1");
        String b = env.start("forgotten");
        // As if b's start had died between writing meta.json and the record.
        Files.writeString(env.home.resolve("runs/.active.json"), "{\"agentctl_active_runs\": 1, \"runs\": [\"" + blocker + "\"]}");
        TestEnv.ok(env.agentctl(null, "kill", blocker)); // its supervisor hands the slot on, to runs the record lists
        assertEquals("queued", env.meta(b).get("status").getAsString(), "the record lacked b, so nobody launched it");
        ProcResult status = TestEnv.ok(env.agentctl(null, "status", "--json"));
        assertEquals(0, JsonParser.parseString(status.out()).getAsJsonObject().get("queued").getAsInt(), "status reads the record only");
        TestEnv.ok(env.agentctl(null, "reconcile"));
        assertEquals("succeeded", env.waitFor(b, "60s").get("outcome").getAsString());
    }
}
