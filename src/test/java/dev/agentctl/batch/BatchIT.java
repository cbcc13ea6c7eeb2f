package dev.agentctl.batch;

import static org.junit.jupiter.api.Assertions.*;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `agentctl batch` with the real codex against the offline model, supervisors detached. */
class BatchIT extends RealRunTest {
    @BeforeEach
    void detached() throws Exception {
        env.config(c -> c.addProperty("launcher", "detached"));
    }

    private ProcResult batch(String stdin, String... args) {
        List<String> argv = TestEnv.agentctlArgv();
        argv.add("batch");
        argv.addAll(List.of(args));
        return Procs.run(argv, env.project, env.env(), stdin, Duration.ofSeconds(400));
    }

    private Path plan(String name, String json) throws Exception {
        Path p = env.base.resolve(name);
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    private static Map<String, JsonObject> tasks(JsonObject result) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : result.getAsJsonArray("tasks")) out.put(e.getAsJsonObject().get("id").getAsString(), e.getAsJsonObject());
        return out;
    }

    private static JsonObject meta(JsonObject task) {
        return task.getAsJsonObject("meta");
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) == null || o.get(key).isJsonNull() ? null : o.get(key).getAsString();
    }

    private List<String> runDirs() throws Exception {
        try (Stream<Path> s = Files.list(env.home.resolve("runs"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    private String requestsText() {
        return env.model.requests().toString();
    }

    @Test
    void aPlanRunsInTheForegroundWithDependenciesTemplatesAndMaxParallel() throws Exception {
        Path p = plan("plan.json", "{'group': 'rel-1', 'max_parallel': 2, 'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'alpha', 'prompt': '[[mock-cmd:echo alpha]] review alpha'},"
                + "{'id': 'beta', 'prompt': '[[mock-cmd:echo beta]] review beta'},"
                + "{'id': 'gamma', 'prompt': '[[mock-cmd:echo gamma]] review gamma'},"
                + "{'id': 'design', 'after': ['alpha', 'beta'], 'profile': 'deep',"
                + " 'prompt': '[[mock-cmd:echo design]] Found: <{{alpha.summary}}> and <{{beta.summary}}> in {{alpha.run_id}}'}]}");
        ProcResult dry = batch(null, p.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().matches("(?s).*wave 1:\n  alpha .*\n  beta .*\n  gamma .*\nwave 2:\n  design .*profile deep.*after alpha,beta.*"), dry.out());
        assertEquals(List.of(), runDirs(), "a dry run starts nothing");

        ProcResult r = batch(null, p.toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonObject result = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("rel-1", result.get("group").getAsString());
        Map<String, JsonObject> t = tasks(result);
        for (String id : List.of("alpha", "beta", "gamma", "design")) {
            assertEquals("succeeded", str(meta(t.get(id)), "outcome"), id + ": " + t.get(id));
            assertEquals(id, str(meta(t.get(id)), "batch_task_id"));
            assertEquals("rel-1", str(meta(t.get(id)), "group"));
        }
        // The dependent's prompt was filled from its dependencies' results when it was launched.
        String alphaRun = str(meta(t.get("alpha")), "run_id");
        String expected = "Found: <Ran `echo alpha` as asked.> and <Ran `echo beta` as asked.> in " + alphaRun;
        String designRun = str(meta(t.get("design")), "run_id");
        assertTrue(Files.readString(env.home.resolve("runs/" + designRun + "/prompt.md")).contains(expected));
        assertTrue(requestsText().contains(expected.replace("`", "\\u0060").replace("<", "\\u003c").replace(">", "\\u003e"))
                || requestsText().contains(expected), "the model received the filled prompt");
        assertFalse(requestsText().contains("{{alpha.summary}}"));
        // Never more than two running at once.
        List<long[]> edges = new ArrayList<>();
        for (JsonObject task : t.values()) {
            edges.add(new long[] {Instant.parse(str(meta(task), "started_at")).toEpochMilli(), 1});
            edges.add(new long[] {Instant.parse(str(meta(task), "ended_at")).toEpochMilli(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int most = 0;
        for (long[] e : edges) most = Math.max(most, running += (int) e[1]);
        assertTrue(most <= 2, "at most 2 at once, saw " + most);
        // The dependent started only after both its dependencies ended.
        Instant designStart = Instant.parse(str(meta(t.get("design")), "started_at"));
        assertFalse(designStart.isBefore(Instant.parse(str(meta(t.get("beta")), "ended_at"))));
        // A second batch into the same group is refused: that is what --resume is for.
        ProcResult again = batch(null, p.toString());
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains("--resume rel-1"), again.err());
    }

    @Test
    void aFailedDependencySkipsItsDependentsWhileADetachedPlanGoesOnAndResumeRerunsOnlyWhatFailed() throws Exception {
        String template = "{'group': 'g-2', 'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'flaky', 'prompt': '%s'},"
                + "{'id': 'after-flaky', 'after': ['flaky'], 'prompt': '[[mock-cmd:echo dep]] got {{flaky.summary}}'},"
                + "{'id': 'solo', 'prompt': '[[mock-cmd:echo solo]] independent'}]}";
        Path p = plan("plan.json", String.format(template, "[[mock:fail]] break"));
        ProcResult r = batch(null, p.toString(), "--detach");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("g-2", r.out().strip());
        // No batch process is left: the queue (the runs' supervisors) carries the plan on.
        Procs.await("the detached batch to finish", Duration.ofSeconds(300), () -> {
            ProcResult s = batch(null, "status", "g-2", "--json");
            return s.exit() == 0 && JsonParser.parseString(s.out()).getAsJsonObject().get("done").getAsBoolean();
        });
        ProcResult status = batch(null, "status", "g-2", "--json");
        Map<String, JsonObject> t = tasks(JsonParser.parseString(status.out()).getAsJsonObject());
        assertEquals("failed", str(meta(t.get("flaky")), "outcome"));
        JsonObject skipped = meta(t.get("after-flaky"));
        assertEquals("failed", str(skipped, "outcome"));
        assertEquals("dependency flaky failed", str(skipped, "error"));
        assertNull(str(skipped, "started_at"), "never started");
        assertEquals("succeeded", str(meta(t.get("solo")), "outcome"));
        ProcResult waited = batch(null, "wait", "g-2");
        assertEquals(3, waited.exit(), waited.toString());
        assertTrue(waited.out().contains("1 of 3 succeeded"), waited.out());
        ProcResult group = TestEnv.ok(env.agentctl(null, "group", "show", "g-2", "--json"));
        assertEquals(3, JsonParser.parseString(group.out()).getAsJsonObject().get("runs").getAsInt());
        assertTrue(group.out().contains("\"batch_task_id\": \"solo\""), group.out());

        String soloRun = str(meta(t.get("solo")), "run_id");
        String flakyRun = str(meta(t.get("flaky")), "run_id");
        Path fixed = plan("fixed.json", String.format(template, "[[mock-cmd:echo fixed]] works now"));
        ProcResult resumed = batch(null, fixed.toString(), "--resume", "g-2", "--json");
        assertEquals(0, resumed.exit(), resumed.toString());
        Map<String, JsonObject> t2 = tasks(JsonParser.parseString(resumed.out()).getAsJsonObject());
        assertEquals(soloRun, str(meta(t2.get("solo")), "run_id"), "a task that succeeded keeps its run");
        assertNotEquals(flakyRun, str(meta(t2.get("flaky")), "run_id"));
        for (JsonObject task : t2.values()) assertEquals("succeeded", str(meta(task), "outcome"), task.toString());
        assertTrue(Files.readString(env.home.resolve("runs/" + str(meta(t2.get("after-flaky")), "run_id") + "/prompt.md"))
                .contains("got Ran `echo fixed` as asked."));
        assertEquals(5, runDirs().size(), "two runs more, not three");
    }

    @Test
    void anEscalatingTaskResumesWithTheDeeperProfileAndItsDependentsGetTheEscalatedResult() throws Exception {
        Path p = plan("plan.json", "{'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'lint', 'prompt': '[[mock:goal_not_met]] lint it', 'escalate': 'deep'},"
                + "{'id': 'report', 'after': ['lint'], 'prompt': '[[mock-cmd:echo report]] lint said: {{lint.summary}}'}]}");
        ProcResult r = batch(null, p.toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonObject result = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(result.get("group").getAsString().startsWith("batch-"), result.toString());
        Map<String, JsonObject> t = tasks(result);
        JsonObject lint = t.get("lint");
        assertEquals(2, lint.getAsJsonArray("run_ids").size(), lint.toString());
        String first = lint.getAsJsonArray("run_ids").get(0).getAsString();
        JsonObject escalated = meta(lint);
        assertEquals("succeeded", str(escalated, "outcome"));
        assertEquals("deep", str(escalated, "profile"));
        assertEquals("resume", str(escalated, "mode"));
        assertEquals(first, str(escalated, "parent_run_id"));
        assertEquals("goal_not_met", str(env.meta(first), "outcome"));
        assertEquals(str(escalated, "run_id"), str(env.meta(first), "escalated_to"));
        String reportRun = str(meta(t.get("report")), "run_id");
        assertTrue(Files.readString(env.home.resolve("runs/" + reportRun + "/prompt.md"))
                .contains("lint said: Finished the follow-up; the goal is met."));
    }

    @Test
    void aPlanWhoseLaterTaskCannotStartLeavesNoRunGroupOrBatchRecordAndItsDryRunIsJson() throws Exception {
        env.config(c -> {
            c.addProperty("claude_bin", env.base.resolve("no-such-claude").toString());
            JsonObject cl = new JsonObject();
            cl.addProperty("agent", "claude");
            c.getAsJsonObject("profiles").add("cl", cl);
        });
        Path p = plan("plan.json", "{'group': 'atomic', 'max_parallel': 2, 'tasks': ["
                + "{'id': 'first', 'isolation': 'worktree', 'prompt': '[[mock-cmd:echo first]] one'},"
                + "{'id': 'second', 'after': ['first'], 'prompt': '[[mock-cmd:echo second]] two'},"
                + "{'id': 'third', 'profile': 'cl', 'isolation': 'shared', 'prompt': 'three'}]}");
        ProcResult dry = batch(null, p.toString(), "--dry-run", "--json");
        assertEquals(0, dry.exit(), dry.toString());
        JsonObject plan = JsonParser.parseString(dry.out()).getAsJsonObject();
        assertEquals("atomic", plan.get("group").getAsString());
        assertEquals(2, plan.get("max_parallel").getAsInt());
        JsonObject third = plan.getAsJsonArray("waves").get(0).getAsJsonArray().get(1).getAsJsonObject();
        assertEquals("third", third.get("id").getAsString());
        assertEquals("claude", third.get("agent").getAsString());
        assertEquals("shared", third.get("isolation").getAsString());
        assertEquals("[\"first\"]", plan.getAsJsonArray("waves").get(1).getAsJsonArray().get(0).getAsJsonObject().get("after").toString());

        ProcResult r = batch(null, p.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("agentctl: ") && r.err().contains("claude_bin"), r.err());
        assertEquals(List.of(), runDirs(), "the runs made before the failing start are taken back");
        assertFalse(Files.exists(env.home.resolve("groups/atomic.json")), "the group this submission made is gone");
        assertFalse(Files.exists(env.home.resolve("groups/.batches/atomic.json")));
        try (Stream<Path> s = Files.list(Files.createDirectories(env.home.resolve("worktrees")))) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
        }
        assertEquals("", TestEnv.ok(env.git("branch", "--list", "agentctl/*")).out().strip());
        ProcResult list = TestEnv.ok(env.agentctl(null, "list", "--json"));
        assertEquals(0, JsonParser.parseString(list.out()).getAsJsonArray().size(), list.out());
    }

    @Test
    void everyValidationProblemIsListedAndNothingStartsAndTheShortFormReadsStdin() throws Exception {
        Path bad = plan("bad.json", "{'tasks': [{'id': 'a', 'prompt': 'x', 'profile': 'nosuch'},"
                + "{'id': 'b', 'after': ['zzz'], 'prompt': '{{a.summary}}'}, {'id': 'a', 'prompt': 'y', 'colour': 1}]}");
        ProcResult r = batch(null, bad.toString());
        assertEquals(2, r.exit(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.size() >= 5, r.err());
        String name = bad.toString();
        for (String expected : List.of(name + ": task a: profile: unknown profile", name + ": task b: after: unknown task 'zzz'",
                name + ": task b: prompt: {{a.summary}}: task 'a' is not in after", name + ": task a: id: duplicate task id",
                name + ": task a: colour: unknown key")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("agentctl: " + expected)), expected + " in\n" + r.err());
        }
        assertFalse(Files.exists(env.home.resolve("runs")) && !runDirs().isEmpty(), "nothing started");

        ProcResult shortForm = batch("{'spark': ['[[mock-cmd:echo one]] one', '[[mock-cmd:echo two]] two']}".replace('\'', '"'), "-");
        assertEquals(0, shortForm.exit(), shortForm.toString());
        assertTrue(shortForm.out().contains("2 of 2 succeeded"), shortForm.out());
        assertTrue(shortForm.out().contains("spark-1") && shortForm.out().contains("spark-2"), shortForm.out());
    }

    @Test
    void failFastKillsTheRestOfTheBatchAtTheFirstFailure() throws Exception {
        Path p = plan("plan.json", "{'group': 'ff', 'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'boom', 'prompt': '[[mock:fail]] break'},"
                + "{'id': 'slow', 'prompt': '[[mock:slow]] [[mock-delay:300]] take your time'},"
                + "{'id': 'later', 'after': ['slow'], 'prompt': 'after slow'}]}");
        ProcResult r = batch(null, p.toString(), "--fail-fast", "--json");
        assertEquals(3, r.exit(), r.toString());
        Map<String, JsonObject> t = tasks(JsonParser.parseString(r.out()).getAsJsonObject());
        assertEquals("failed", str(meta(t.get("boom")), "outcome"));
        assertEquals("killed", str(meta(t.get("slow")), "outcome"), t.get("slow").toString());
        assertNotEquals("succeeded", str(meta(t.get("later")), "outcome"));
        assertNull(str(meta(t.get("later")), "started_at"), "never started");
        // Not on a terminal: one plain line per change, on stderr (stdout holds only the JSON).
        assertTrue(r.err().contains("batch ff: boom failed"), r.err());
    }

    @Test
    void ctrlCWithoutATerminalLeavesTheRunsRunningAndNamesTheGroup() throws Exception {
        Path p = plan("plan.json", "{'group': 'cc', 'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'slow', 'prompt': '[[mock:slow]] [[mock-delay:300]] take your time'}]}");
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("batch", p.toString()));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(env.project.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear();
        pb.environment().putAll(env.env());
        Process batch = pb.start();
        var out = Procs.drain(batch.getInputStream());
        var err = Procs.drain(batch.getErrorStream());
        try {
            Procs.await("the slow task running", Duration.ofSeconds(120), () -> {
                ProcResult s = batch(null, "status", "cc", "--json");
                return s.exit() == 0 && s.out().contains("\"state\": \"running\"");
            });
            new ProcessBuilder("kill", "-INT", Long.toString(batch.pid())).start().waitFor();
            assertTrue(batch.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "batch ends on Ctrl-C");
            assertEquals(3, batch.exitValue());
            assertTrue(err.get().contains("batch cc left running (agentctl batch wait cc)"), err.get());
            assertTrue(out.get().contains("0 of 1 succeeded so far"), out.get());
            ProcResult s = batch(null, "status", "cc", "--json");
            assertTrue(s.out().contains("\"state\": \"running\""), "the run goes on: " + s.out());
            String runId = str(meta(tasks(JsonParser.parseString(s.out()).getAsJsonObject()).get("slow")), "run_id");
            TestEnv.ok(env.agentctl(null, "kill", runId));
        } finally {
            batch.destroyForcibly();
        }
    }

    @Test
    void onATerminalTheViewIsLiveAndCtrlCAsksWhetherToKillTheRuns() throws Exception {
        Path p = plan("plan.json", "{'group': 'tty', 'defaults': {'isolation': 'shared'}, 'tasks': ["
                + "{'id': 'slow', 'prompt': '[[mock:slow]] [[mock-delay:300]] take your time'}]}");
        // The shell keeps running after Ctrl-C (its trap runs once batch has ended) to show batch's exit code.
        String cmd = "trap true INT; " + String.join(" ", TestEnv.agentctlArgv()) + " batch " + p + "; echo EXIT=$?; sleep 120";
        TestEnv.ok(env.tmux("new-session", "-d", "-s", "live", "-x", "160", "-y", "40", "-c", env.project.toString(), "sh", "-c", cmd));
        try {
            Procs.await("the live view showing the task running", Duration.ofSeconds(120),
                    () -> env.tmux("capture-pane", "-p", "-t", "live").out().matches("(?s).*TASK .*\nslow +running .*"));
            env.tmux("send-keys", "-t", "live", "C-c");
            Procs.await("the question", Duration.ofSeconds(60),
                    () -> env.tmux("capture-pane", "-p", "-t", "live").out().contains("kill the batch's 1 unfinished runs? [y/N]"));
            env.tmux("send-keys", "-t", "live", "y", "Enter");
            Procs.await("batch to end", Duration.ofSeconds(60),
                    () -> env.tmux("capture-pane", "-p", "-t", "live").out().contains("EXIT=3"));
            String screen = env.tmux("capture-pane", "-p", "-t", "live").out();
            assertTrue(screen.contains("batch tty: 0 of 1 succeeded"), screen);
            ProcResult s = batch(null, "status", "tty", "--json");
            assertEquals("killed", str(meta(tasks(JsonParser.parseString(s.out()).getAsJsonObject()).get("slow")), "outcome"), s.out());
        } finally {
            env.tmux("kill-session", "-t", "live");
        }
    }
}
