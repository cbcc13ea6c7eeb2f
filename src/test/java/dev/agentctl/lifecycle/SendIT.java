package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** send: new instructions for a finished run (a resume) and for a running one (the next turn of its thread). */
class SendIT extends RealRunTest {
    private JsonObject awaitThread(String id) {
        JsonObject[] m = new JsonObject[1];
        Procs.await("codex thread of " + id, Duration.ofSeconds(60), () -> {
            try {
                m[0] = env.meta(id);
                return !m[0].get("thread_id").isJsonNull() && !m[0].get("codex_pid").isJsonNull();
            } catch (Exception e) {
                return false;
            }
        });
        return m[0];
    }

    private String send(String id, String text, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("send", id, text));
        args.addAll(List.of(more));
        String out = TestEnv.ok(env.agentctl(null, args.toArray(String[]::new))).out().strip();
        assertTrue(out.matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), "prints only the new run id: " + out);
        return out;
    }


    private static Instant at(JsonObject m, String key) {
        return Instant.parse(m.get(key).getAsString());
    }

    @Test
    void sendToAFinishedRunResumesItsThread() throws Exception {
        String parent = env.start("First try [[mock:goal_not_met]]", "--title", "first");
        JsonObject p = env.waitFor(parent, "120s");
        // The message comes on stdin here, as with resume.
        String child = TestEnv.ok(env.agentctl("Carry on with SENT-ON-STDIN", "send", parent)).out().strip();
        JsonObject c = env.waitFor(child, "120s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals("resume", c.get("mode").getAsString());
        assertEquals(parent, c.get("parent_run_id").getAsString());
        assertEquals(p.get("thread_id").getAsString(), c.get("thread_id").getAsString());
        assertEquals("first (resumed)", c.get("title").getAsString());
        String input = env.lastModelInputWith("SENT-ON-STDIN");
        assertTrue(input.contains("First try"), "the model sees the earlier turn: " + input);

        assertEquals(2, env.agentctl(null, "send", "20200101-000000-000000", "x").exit(), "unknown run");
        ProcResult both = env.agentctl(null, "send", parent, "text", "--file", "f.md");
        assertEquals(2, both.exit(), both.toString());
        assertEquals(1, both.err().strip().split("\n").length, both.err());
    }

    @Test
    void messagesToARunningRunAreItsNextTurnsInOrder() throws Exception {
        String parent = env.start("Slow first FIRST-TEXT [[mock:slow]] [[mock-delay:4]] [[mock-cmd:echo one > one.txt]]",
                "--title", "busy");
        awaitThread(parent);
        String second = send(parent, "SECOND-TEXT [[mock:succeed]] [[mock-cmd:echo two > two.txt]]");
        String third = send(parent, "THIRD-TEXT [[mock-cmd:echo three > three.txt]]");
        JsonObject queued = env.meta(second);
        assertEquals("queued", queued.get("status").getAsString(), "waits for the current turn: " + queued);
        assertEquals("followup", queued.get("mode").getAsString());
        assertEquals(parent, queued.get("parent_run_id").getAsString());
        assertEquals("[\"" + parent + "\"]", queued.get("after").toString());
        assertEquals("[\"" + second + "\"]", env.meta(third).get("after").toString(), "the second message waits for the first");
        String listed = TestEnv.ok(env.agentctl(null, "list", "--json")).out();
        assertFalse(listed.contains("\"lost\""), "list does not take a waiting message for lost: " + listed);

        JsonObject p = env.waitFor(parent, "120s");
        JsonObject s = env.waitFor(second, "120s");
        JsonObject t = env.waitFor(third, "120s");
        for (JsonObject m : List.of(p, s, t)) assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        String thread = p.get("thread_id").getAsString();
        assertEquals(thread, s.get("thread_id").getAsString(), "same codex thread");
        assertEquals(thread, t.get("thread_id").getAsString(), "same codex thread");
        assertFalse(at(s, "started_at").isBefore(at(p, "ended_at")), "the message starts after the turn ends");
        assertFalse(at(t, "started_at").isBefore(at(s, "ended_at")), "one turn at a time, in order");
        // One worktree and branch for the whole thread; each turn's diff is its own (counted from the branch tip).
        Path work = Path.of(p.get("work_dir").getAsString());
        for (JsonObject m : List.of(s, t)) {
            assertEquals(p.get("worktree").getAsString(), m.get("worktree").getAsString(), m.toString());
            assertEquals(p.get("branch").getAsString(), m.get("branch").getAsString(), m.toString());
        }
        assertTrue(Files.exists(work.resolve("one.txt")) && Files.exists(work.resolve("two.txt"))
                && Files.exists(work.resolve("three.txt")), "every turn worked in the run's worktree");
        assertFalse(Files.exists(env.project.resolve("two.txt")), "not in the project's checkout");
        String secondDiff = s.get("git_diff_stat").getAsString();
        assertTrue(secondDiff.contains("two.txt") && !secondDiff.contains("one.txt"), "the second turn's own change: " + secondDiff);
        String input = env.lastModelInputWith("THIRD-TEXT");
        assertTrue(input.indexOf("FIRST-TEXT") < input.indexOf("SECOND-TEXT") && input.indexOf("SECOND-TEXT") < input.indexOf("THIRD-TEXT"),
                "the model sees the earlier turns, then the new text: " + input);
    }

    @Test
    void sendNowRedirectsTheRunAtOnceInTheSameThread() throws Exception {
        String first = env.start("Begin EARLIER-TEXT [[mock:goal_not_met]]");
        env.waitFor(first, "120s");
        String parent = TestEnv.ok(env.agentctl("Think forever HANG-TEXT [[mock:hang]]", "resume", "--parent-run-id", first))
                .out().strip();
        JsonObject running = awaitThread(parent);
        String next = send(parent, "Instead REDIRECT-TEXT [[mock:succeed]] [[mock-cmd:echo r > redirected.txt]]", "--now");
        JsonObject p = env.meta(parent);
        assertEquals("killed", p.get("outcome").getAsString(), p.toString());
        assertEquals("redirected by send", p.get("error").getAsString());
        Procs.await("codex of the redirected run gone", Duration.ofSeconds(20),
                () -> ProcessHandle.of(running.get("codex_pid").getAsLong()).map(h -> !h.isAlive()).orElse(true));
        JsonObject n = env.waitFor(next, "120s");
        assertEquals("succeeded", n.get("outcome").getAsString(), n.toString());
        assertEquals("followup", n.get("mode").getAsString());
        assertEquals(running.get("thread_id").getAsString(), n.get("thread_id").getAsString());
        assertEquals(p.get("worktree").getAsString(), n.get("worktree").getAsString(), "the same worktree");
        assertTrue(Files.exists(Path.of(n.get("work_dir").getAsString()).resolve("redirected.txt")));
        String input = env.lastModelInputWith("REDIRECT-TEXT");
        assertTrue(input.contains("EARLIER-TEXT"), "the thread's earlier turns come along: " + input);
        // codex itself drops the interrupted turn's unanswered message from the thread (README says so).
        assertEquals(3, Files.readString(env.home.resolve("notify.log")).strip().split("\n").length);
    }

    @Test
    void aRunWaitingInTheQueueTakesMessagesForAfterItsFirstTurnAndShowsWhyItWaits() throws Exception {
        env.config(c -> c.addProperty("max_concurrent", 1));
        String blocker = env.start("Hold the slot [[mock:hang]]", "--no-tmux");
        awaitThread(blocker);
        String queued = env.start("Queued FIRST-Q [[mock:succeed]]", "--no-tmux", "--title", "waiting one");
        assertEquals("queued", env.meta(queued).get("status").getAsString());

        ProcResult logs = TestEnv.ok(env.agentctl(null, "logs", queued));
        assertTrue(logs.out().startsWith("agentctl run " + queued + " — waiting one\n"), logs.out());
        assertTrue(logs.out().contains("waiting in the queue: "), logs.out());
        ProcResult attach = env.agentctl(null, "attach", queued);
        assertEquals(1, attach.exit(), attach.toString());
        assertTrue(attach.err().contains("waiting in the queue") && attach.err().strip().split("\n").length == 1, attach.err());
        ProcResult now = env.agentctl(null, "send", queued, "x", "--now");
        assertEquals(2, now.exit(), now.toString());
        assertTrue(now.err().contains("has not started yet"), now.err());
        try (var dirs = Files.list(env.home.resolve("runs"))) {
            assertEquals(2, dirs.filter(d -> !d.getFileName().toString().startsWith(".")).count(), "a refused send makes nothing");
        }

        String message = send(queued, "Then SECOND-Q [[mock:succeed]]");
        JsonObject waiting = env.meta(message);
        assertEquals("followup", waiting.get("mode").getAsString());
        assertEquals("[\"" + queued + "\"]", waiting.get("after").toString(), "it waits for the queued run's first turn");
        List<String> follow = TestEnv.agentctlArgv();
        follow.addAll(List.of("logs", "-f", queued));
        java.util.concurrent.CompletableFuture<ProcResult> followed = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Procs.run(follow, env.project, env.env(), null, Duration.ofSeconds(150)));

        TestEnv.ok(env.agentctl(null, "kill", blocker));
        JsonObject q = env.waitFor(queued, "120s");
        JsonObject m = env.waitFor(message, "120s");
        assertEquals("succeeded", q.get("outcome").getAsString(), q.toString());
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals(q.get("thread_id").getAsString(), m.get("thread_id").getAsString(), "the queued run's thread goes on");
        assertFalse(at(m, "started_at").isBefore(at(q, "ended_at")), "after the queued run's first turn");
        String input = env.lastModelInputWith("SECOND-Q");
        assertTrue(input.contains("FIRST-Q"), "the model sees the first turn: " + input);
        ProcResult f = followed.get();
        assertEquals(0, f.exit(), f.toString());
        assertTrue(f.out().contains("waiting in the queue") && f.out().contains("✅ succeeded"), "-f waited for it to start and end: " + f.out());
    }
}
