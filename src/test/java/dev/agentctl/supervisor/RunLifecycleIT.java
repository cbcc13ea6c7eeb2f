package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** start → supervisor in a tmux pane → real codex against the offline model → wait/show/resume/notify. */
class RunLifecycleIT extends RealRunTest {
    @Test
    void startWaitShowReportsATrueDiffAndTheResult() throws Exception {
        // Changes made before the run are not the run's.
        Files.writeString(env.project.resolve("before.txt"), "made before the run\n");
        Files.writeString(env.project.resolve("tracked.txt"), "changed before\n");
        String id = env.start("Edit files [[mock-cmd:echo two >> tracked.txt && echo new > untracked.txt && echo x > ignored.txt]]",
                "--title", "edit files");
        assertTrue(id.matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), id);
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("finished", m.get("status").getAsString(), m.toString());
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertTrue(m.get("goal_met").getAsBoolean());
        assertEquals(0, m.get("exit_code").getAsInt());
        assertFalse(m.get("summary").getAsString().isBlank());
        assertFalse(m.get("thread_id").isJsonNull(), "thread_id recorded");
        assertTrue(m.getAsJsonObject("usage").get("input_tokens").getAsLong() > 0, m.toString());
        String diff = m.get("git_diff_stat").getAsString();
        assertTrue(diff.contains("tracked.txt"), diff);
        assertTrue(diff.contains("untracked.txt"), diff);
        assertFalse(diff.contains("before.txt"), "a change made before the run is not the run's: " + diff);
        assertFalse(diff.contains("ignored.txt"), diff);
        assertFalse(m.get("base_commit").isJsonNull());
        assertFalse(m.get("pane_id").isJsonNull(), "ran in a tmux pane");
        assertEquals("edit files", m.get("title").getAsString());
        ProcResult show = TestEnv.ok(env.agentctl(null, "show", id));
        assertTrue(show.out().contains("\"outcome\": \"succeeded\""), show.out());
        assertFalse(Files.exists(env.home.resolve("runs").resolve(id).resolve("env.json")), "caller environment file deleted");
    }

    @Test
    void resumeContinuesTheSameThread() throws Exception {
        String parent = env.start("Try this [[mock:goal_not_met]]", "--title", "first");
        JsonObject p = env.waitFor(parent, "120s");
        assertEquals("goal_not_met", p.get("outcome").getAsString(), p.toString());
        String followup = p.get("followup_prompt").getAsString();
        assertFalse(followup.isBlank());
        int requestsBefore = env.model.requests().size();
        ProcResult r = TestEnv.ok(env.agentctl(followup, "resume", "--parent-run-id", parent));
        String child = r.out().strip();
        JsonObject c = env.waitFor(child, "120s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals("resume", c.get("mode").getAsString());
        assertEquals(parent, c.get("parent_run_id").getAsString());
        assertEquals(p.get("thread_id").getAsString(), c.get("thread_id").getAsString(), "same thread");
        List<JsonObject> reqs = env.model.requests();
        assertTrue(reqs.size() > requestsBefore);
        String input = reqs.get(reqs.size() - 1).get("input").toString();
        assertTrue(input.contains("Try this"), "the earlier turn is sent again on resume: " + input);
        ProcResult noThread = env.agentctl("x", "resume", "--parent-run-id", "nope-000");
        assertEquals(2, noThread.exit(), noThread.toString());
    }

    @Test
    void waitReturnsPromptlyAfterFinalization() throws Exception {
        String id = env.start("Slow one [[mock:slow]] [[mock-delay:2]]");
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("wait", id, "--timeout", "120s"));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(env.project.toFile());
        pb.environment().clear();
        pb.environment().putAll(env.env());
        Process waiter = pb.start();
        var out = Procs.drain(waiter.getInputStream());
        Procs.drain(waiter.getErrorStream());
        Path meta = env.home.resolve("runs").resolve(id).resolve("meta.json");
        // Watch for the finished meta ourselves, to time wait against the moment it appeared.
        long[] finishedAt = {0};
        Procs.await("run finished", Duration.ofSeconds(120), () -> {
            try {
                if (Files.readString(meta).contains("\"status\": \"finished\"")) {
                    finishedAt[0] = System.nanoTime();
                    return true;
                }
            } catch (Exception ignored) {
                // mid-rename: try again
            }
            return false;
        });
        Procs.await("wait exited", Duration.ofSeconds(30), () -> !waiter.isAlive());
        long lagMs = (System.nanoTime() - finishedAt[0]) / 1_000_000;
        assertEquals(0, waiter.exitValue(), out.getNow(""));
        assertTrue(lagMs < 2000, "wait exited " + lagMs + " ms after the final meta write");
    }

    @Test
    void notifiesInFilesAndTypesASanitizedWakeUpIntoTheTargetPane() throws Exception {
        env.tmux("new-session", "-d", "-s", "orch", "-x", "200", "-y", "50", "cat");
        String target = env.tmux("display-message", "-p", "-t", "orch:0.0", "#{pane_id}").out().strip();
        env.config(c -> c.addProperty("tmux_sendkeys_target", target));
        env.model.setFinalMessage("[[evil]]", "{\"goal_met\":true,\"summary\":\"red \\u001b[31mALERT\\u001b[0m\\nsecond line\","
                + "\"followup_prompt\":\"\",\"notes\":\"\"}");
        String id = env.start("Say something odd [[evil]]");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertTrue(m.get("summary").getAsString().contains("\u001b"), "meta keeps the summary as the model wrote it");
        String log = Files.readString(env.home.resolve("notify.log"));
        assertEquals(1, log.strip().split("\n").length, log);
        assertTrue(log.contains("✅ done " + id + " proj=project profile=spark goal_met=true exit=0"), log);
        assertFalse(log.contains("\u001b"), "no escape sequences in notify.log");
        assertTrue(log.contains("ALERT") && log.contains("second line"), log);
        JsonObject rec = com.google.gson.JsonParser.parseString(Files.readString(env.home.resolve("notify.jsonl")).strip()).getAsJsonObject();
        assertEquals(id, rec.get("run_id").getAsString());
        assertEquals("succeeded", rec.get("outcome").getAsString());
        String wake = "[AI_ORCH DONE run_id=" + id + " goal_met=true exit=0]";
        Procs.await("wake-up typed into the target pane", Duration.ofSeconds(10),
                () -> env.tmux("capture-pane", "-p", "-t", target).out().contains(wake));
    }

    @Test
    void fiveRunsInALoopAllFinishInDistinctPanes() throws Exception {
        // An orchestrator's pane keeps the session (and so the server and its pane ids) alive throughout.
        env.tmux("new-session", "-d", "-s", env.session, "-x", "200", "-y", "50", "cat");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(env.start("Run " + i + " [[mock-cmd:echo " + i + " > out" + i + ".txt]]"));
        List<String> argv = new ArrayList<>(List.of("wait"));
        argv.addAll(ids);
        argv.addAll(List.of("--timeout", "180s"));
        ProcResult r = TestEnv.ok(env.agentctl(null, argv.toArray(String[]::new)));
        var arr = com.google.gson.JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(5, arr.size());
        Set<String> panes = new HashSet<>();
        for (var e : arr) {
            JsonObject m = e.getAsJsonObject();
            assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
            panes.add(m.get("pane_id").getAsString());
        }
        assertEquals(5, panes.size(), "five distinct panes: " + panes);
        assertEquals(5, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
    }

    @Test
    void aTmuxServerStartedWithoutCodexStillRunsTheCallersCodex() throws Exception {
        // The server is started first, from a bare environment: no CODEX_HOME, no codex on PATH.
        ProcResult srv = Procs.run(List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + env.base, "tmux", "-L", env.socket,
                "new-session", "-d", "-s", env.session, "-x", "200", "-y", "50"), env.base, null, null, Duration.ofSeconds(20));
        assertEquals(0, srv.exit(), srv.toString());
        String id = env.start("Work [[mock-cmd:echo hi > hi.txt]]");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertTrue(Files.exists(Path.of(m.get("work_dir").getAsString()).resolve("hi.txt")), "written in the run's worktree");
        assertTrue(m.getAsJsonArray("codex_argv").get(0).getAsString().startsWith("/"), "absolute codex path");
        assertTrue(Files.list(env.codexHome.resolve("sessions")).findAny().isPresent(), "the caller's CODEX_HOME was used");
        assertTrue(OfflineModelServer.INPUT_TOKENS > 0);
    }
}
