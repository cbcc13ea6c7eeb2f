package dev.agentctl.claude;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import dev.agentctl.testing.GitRepo;
import dev.agentctl.testing.WorktreeRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** start/resume/kill with the real Claude Code binary against the offline model's Messages API. */
class ClaudeRunIT extends RealRunTest {
    @BeforeEach
    void claude() throws Exception {
        env.useClaude();
    }

    @Test
    void aRunThatEditsFilesInItsWorktreeSucceedsWithSessionCostAndUsageAndMerges() throws Exception {
        GitRepo project = new GitRepo(env.project);
        String before = project.state();
        String id = env.start("Edit files [[mock-cmd:echo two >> tracked.txt && echo new > made.txt]]", "--agent", "claude");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals("claude", m.get("agent").getAsString());
        assertTrue(m.get("goal_met").getAsBoolean());
        assertEquals(0, m.get("exit_code").getAsInt());
        assertTrue(m.get("summary").getAsString().contains("echo two"), m.toString());
        assertEquals("worktree", m.get("isolation").getAsString(), "worktrees are the default for every agent");
        Path worktree = WorktreeRuns.worktree(m);
        assertEquals("new\n", Files.readString(worktree.resolve("made.txt")), "the command ran in the run's worktree");
        assertEquals(before, project.state(), "the user's checkout is untouched");
        String diff = m.get("git_diff_stat").getAsString();
        assertTrue(diff.contains("tracked.txt") && diff.contains("made.txt"), diff);
        assertEquals(worktree.toString(), m.get("work_dir").getAsString(), "Claude Code runs in the worktree (it has no -C)");
        String session = m.get("session_id").getAsString();
        assertTrue(session.matches("[0-9a-f-]{36}"), session);
        assertEquals(session, m.get("thread_id").getAsString(), "resume reads thread_id");
        assertTrue(m.get("cost_usd").getAsDouble() > 0, m.toString());
        // Two model requests (the command, then the result), each reporting the server's fixed figures.
        JsonObject usage = m.getAsJsonObject("usage");
        assertEquals(2 * OfflineModelServer.INPUT_TOKENS, usage.get("input_tokens").getAsLong(), usage.toString());
        assertEquals(2 * OfflineModelServer.CACHED_INPUT_TOKENS, usage.get("cached_input_tokens").getAsLong());
        assertEquals(2 * OfflineModelServer.OUTPUT_TOKENS, usage.get("output_tokens").getAsLong());
        String argv = m.get("codex_argv").toString();
        assertTrue(argv.contains("\"--output-format\",\"stream-json\",\"--verbose\""), argv);
        assertTrue(argv.contains("\"--json-schema\""), argv);
        assertTrue(argv.contains("\"--permission-mode\",\"bypassPermissions\""), "no sandbox: bypass, as codex: " + argv);
        String events = Files.readString(env.home.resolve("runs").resolve(id).resolve("events.jsonl"));
        assertTrue(events.contains("\"structured_output\""), events);
        TestEnv.ok(env.agentctl(null, "merge", id));
        assertEquals("new\n", project.read("made.txt"), "merge brings the Claude run's work back");
        assertEquals("one\ntwo\n", project.read("tracked.txt"));
    }

    @Test
    void aQueuedClaudeRunLaunchesWhenTheSlotFrees() throws Exception {
        env.config(c -> c.addProperty("max_concurrent", 1));
        String first = env.start("Hang [[mock:hang]]", "--agent", "claude", "--title", "holds the slot");
        awaitRunning(first);
        String queued = env.start("Edit [[mock-cmd:echo queued > queued.txt]]", "--agent", "claude", "--title", "waits",
                "--after", first, "--after-any");
        JsonObject q = env.meta(queued);
        assertEquals("queued", q.get("status").getAsString(), q.toString());
        assertTrue(q.get("codex_pid").isJsonNull(), "not launched while the slot is taken: " + q);
        TestEnv.ok(env.agentctl(null, "kill", first));
        JsonObject m = env.waitFor(queued, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals("claude", m.get("agent").getAsString());
        assertEquals("queued\n", Files.readString(WorktreeRuns.worktree(m).resolve("queued.txt")));
        assertFalse(m.get("session_id").getAsString().isBlank(), m.toString());
        assertEquals("killed", env.meta(first).get("outcome").getAsString());
    }

    @Test
    void aMessageSentToARunningClaudeRunContinuesItsSessionAndLogsShowClaudesProgress() throws Exception {
        String parent = env.start("First FIRST-TEXT [[mock-cmd:sleep 3; echo one > one.txt]]", "--agent", "claude");
        String message = TestEnv.ok(env.agentctl(null, "send", parent, "Then SECOND-TEXT [[mock-cmd:echo two > two.txt]]"))
                .out().strip();
        JsonObject p = env.waitFor(parent, "120s");
        JsonObject m = env.waitFor(message, "120s");
        assertEquals("succeeded", p.get("outcome").getAsString(), p.toString());
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals("followup", m.get("mode").getAsString());
        assertEquals("claude", m.get("agent").getAsString());
        assertEquals(p.get("session_id").getAsString(), m.get("session_id").getAsString(), "the same Claude session continues");
        assertTrue(m.get("codex_argv").toString().contains("\"--resume\",\"" + p.get("session_id").getAsString() + "\""),
                m.toString());
        Path work = Path.of(p.get("work_dir").getAsString());
        assertEquals(p.get("worktree").getAsString(), m.get("worktree").getAsString(), "one worktree for the whole session");
        assertTrue(Files.exists(work.resolve("one.txt")) && Files.exists(work.resolve("two.txt")), "both turns worked there");
        String logs = TestEnv.ok(env.agentctl(null, "logs", message)).out();
        assertTrue(logs.contains("▶ session " + p.get("session_id").getAsString()), "Claude's events rendered: " + logs);
        assertTrue(logs.contains("echo two > two.txt"), logs);
    }

    @Test
    void goalNotMetThenResumeContinuesTheSameSession() throws Exception {
        String parent = env.start("Try this [[mock:goal_not_met]]", "--agent", "claude", "--title", "first");
        JsonObject p = env.waitFor(parent, "120s");
        assertEquals("goal_not_met", p.get("outcome").getAsString(), p.toString());
        String followup = p.get("followup_prompt").getAsString();
        assertFalse(followup.isBlank());
        String child = TestEnv.ok(env.agentctl(followup, "resume", "--parent-run-id", parent)).out().strip();
        JsonObject c = env.waitFor(child, "120s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals("claude", c.get("agent").getAsString());
        assertEquals("resume", c.get("mode").getAsString());
        assertEquals(p.get("session_id").getAsString(), c.get("session_id").getAsString(), "the same session continues");
        assertTrue(c.get("codex_argv").toString().contains("\"--resume\",\"" + p.get("session_id").getAsString() + "\""));
    }

    @Test
    void resumeRefusesAProfileOfTheOtherAgent() throws Exception {
        String parent = env.start("Quick [[mock:goal_not_met]]", "--agent", "claude");
        env.waitFor(parent, "120s");
        ProcResult r = env.agentctl("more", "resume", "--parent-run-id", parent, "--profile", "deep");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("profile 'deep' runs codex, but run " + parent + " ran claude"), r.err());
    }

    @Test
    void aMissingStructuredResultEndsFailed() throws Exception {
        String id = env.start("Answer in prose [[mock:no_result]]", "--agent", "claude");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("failed", m.get("outcome").getAsString(), m.toString());
        assertEquals(0, m.get("exit_code").getAsInt(), "Claude Code itself exits 0");
        assertTrue(m.get("error").getAsString().contains("no structured result"), m.toString());
        assertTrue(m.get("goal_met").isJsonNull());
    }

    @Test
    void anErrorStatusEndsFailedWithTheReason() throws Exception {
        String id = env.start("Fail [[mock:fail]]", "--agent", "claude");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("failed", m.get("outcome").getAsString(), m.toString());
        String error = m.get("error").getAsString();
        assertTrue(error.contains("500") && error.contains("failed this request on purpose"), error);
    }

    @Test
    void killStopsClaudeAndAWritingProfileUsesAcceptEdits() throws Exception {
        env.config(c -> {
            JsonObject profiles = new JsonObject();
            JsonObject writer = new JsonObject();
            writer.addProperty("agent", "claude");
            writer.addProperty("sandbox", "workspace-write");
            writer.addProperty("model", "haiku");
            profiles.add("claude-writer", writer);
            c.add("profiles", profiles);
        });
        String id = env.start("Think forever [[mock:hang]]", "--profile", "claude-writer");
        JsonObject running = awaitRunning(id);
        String argv = running.get("codex_argv").toString();
        assertTrue(argv.contains("\"--permission-mode\",\"acceptEdits\""), argv);
        assertTrue(argv.contains("\"--model\",\"haiku\""), argv);
        TestEnv.ok(env.agentctl(null, "kill", id, "--reason", "enough"));
        JsonObject m = env.meta(id);
        assertEquals("killed", m.get("outcome").getAsString(), m.toString());
        assertEquals("enough", m.get("error").getAsString());
        long pid = running.get("codex_pid").getAsLong();
        Procs.await("claude gone", Duration.ofSeconds(20), () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void theDeadlineEndsAHangingRun() throws Exception {
        String id = env.start("Hang [[mock:hang]]", "--agent", "claude", "--timeout", "5s");
        JsonObject m = env.waitFor(id, "90s");
        assertEquals("timed_out", m.get("outcome").getAsString(), m.toString());
        assertTrue(m.get("error").getAsString().contains("deadline"), m.toString());
    }
}
