package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** logs: a run's readable progress from events.jsonl, for running and finished detached runs; -f until finished. */
class LogsIT extends RealRunTest {
    private boolean eventsContain(String id, String text) {
        try {
            Path events = env.home.resolve("runs").resolve(id).resolve("events.jsonl");
            return Files.exists(events) && Files.readString(events).contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void logsOfARunningThenFinishedDetachedRunAndFollowUntilItEnds() throws Exception {
        String id = env.start("Slow [[mock:slow]] [[mock-delay:5]] [[mock-cmd:echo hi > hi.txt]]", "--no-tmux", "--title", "slow one");
        Procs.await("thread started", Duration.ofSeconds(60), () -> eventsContain(id, "thread.started"));

        ProcResult running = TestEnv.ok(env.agentctl(null, "logs", id));
        assertTrue(running.out().startsWith("agentctl run " + id + " — slow one\n"), running.out());
        assertTrue(running.out().contains("▶ thread "), running.out());
        assertFalse(running.out().contains("succeeded"), "no result while it runs: " + running.out());

        List<String> follow = TestEnv.agentctlArgv();
        follow.addAll(List.of("logs", "-f", id));
        CompletableFuture<ProcResult> followed = CompletableFuture.supplyAsync(
                () -> Procs.run(follow, env.project, env.env(), null, Duration.ofSeconds(150)));
        var fin = env.waitFor(id, "150s");
        assertEquals("succeeded", fin.get("outcome").getAsString(), fin.toString());
        ProcResult f = followed.get();
        assertEquals(0, f.exit(), f.toString());
        String out = f.out();
        assertTrue(out.contains("$ echo hi > hi.txt"), out);
        assertTrue(out.contains("✔ turn completed"), out);
        assertTrue(out.contains("✅ succeeded · goal_met=true · exit 0"), out);
        assertTrue(out.contains("summary: Ran `echo hi > hi.txt` as asked."), out);
        assertTrue(out.contains("tokens: "), out);
        assertFalse(out.contains("{\"goal_met\""), "the result is not shown as raw JSON: " + out);
        assertEquals(1, out.split("▶ thread ", -1).length - 1, "each event once: " + out);

        ProcResult finished = TestEnv.ok(env.agentctl(null, "logs", id));
        assertEquals(out, finished.out(), "a finished run reads the same as followed");
        ProcResult last = TestEnv.ok(env.agentctl(null, "logs", "-n", "1", id));
        assertTrue(last.out().contains("✔ turn completed") && !last.out().contains("▶ thread"), last.out());
        ProcResult raw = TestEnv.ok(env.agentctl(null, "logs", "--json", id));
        for (String line : raw.out().strip().split("\n")) {
            assertTrue(JsonParser.parseString(line).getAsJsonObject().has("type"), line);
        }
        assertTrue(raw.out().contains("\"turn.completed\""), raw.out());

        assertEquals(2, env.agentctl(null, "logs", "20200101-000000-000000").exit(), "unknown run");
        assertEquals(2, env.agentctl(null, "logs", "-n", "-1", id).exit(), "negative -n");
    }
}
