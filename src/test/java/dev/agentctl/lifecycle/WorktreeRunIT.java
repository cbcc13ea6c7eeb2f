package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.GitRepo;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import dev.agentctl.testing.WorktreeRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Worktree runs with the real codex against the offline model: isolation, the end commit, merge, discard, resume. */
class WorktreeRunIT extends RealRunTest {
    WorktreeRuns runs;
    GitRepo project;

    @BeforeEach
    void setUp() {
        runs = new WorktreeRuns(env);
        project = new GitRepo(env.project);
    }

    @Test
    void parallelRunsOnOneFileEachSeeOnlyTheirOwnChangeAndMergeRefusesTheConflictCleanly() throws Exception {
        Files.writeString(env.project.resolve("notes.txt"), "the user's uncommitted file\n");
        String before = project.state();
        String a = env.start("Edit [[mock-cmd:echo from-a > tracked.txt]]", "--title", "run a");
        String b = env.start("Edit [[mock-cmd:echo from-b > tracked.txt]]", "--title", "run b");
        JsonObject ma = env.waitFor(a, "120s");
        JsonObject mb = env.waitFor(b, "120s");
        assertEquals("succeeded", ma.get("outcome").getAsString(), ma.toString());
        assertEquals("succeeded", mb.get("outcome").getAsString(), mb.toString());
        assertEquals(before, project.state(), "the user's checkout is untouched by the runs");
        assertEquals("worktree", ma.get("isolation").getAsString());
        assertEquals("agentctl/" + a, ma.get("branch").getAsString());
        assertEquals(env.home.resolve("worktrees").resolve(a).toString(), ma.get("worktree").getAsString());
        assertEquals("the user's uncommitted file\n", Files.readString(WorktreeRuns.worktree(ma).resolve("notes.txt")),
                "the run started from what the user sees");
        for (JsonObject m : new JsonObject[] {ma, mb}) {
            String stat = m.get("git_diff_stat").getAsString();
            assertTrue(stat.contains("tracked.txt") && stat.contains("1 file changed"), stat);
            assertEquals(m.get("head_commit").getAsString(), runs.git(env.project, "rev-parse", m.get("branch").getAsString()));
        }
        String diffA = TestEnv.ok(env.agentctl(null, "diff", a)).out();
        assertTrue(diffA.contains("+from-a") && !diffA.contains("from-b") && !diffA.contains("notes.txt"), diffA);
        assertTrue(TestEnv.ok(env.agentctl(null, "diff", b, "--stat")).out().contains("tracked.txt"));

        JsonArray list = JsonParser.parseString(TestEnv.ok(env.agentctl(null, "list", "--json")).out()).getAsJsonArray();
        for (var e : list) {
            JsonObject m = e.getAsJsonObject();
            assertEquals("worktree", m.get("isolation").getAsString());
            assertTrue(m.get("branch").getAsString().startsWith("agentctl/") && m.has("worktree"), m.toString());
        }

        Files.delete(env.project.resolve("notes.txt")); // merge would bring it back (it is in the runs' base)
        ProcResult merged = TestEnv.ok(env.agentctl(null, "merge", a));
        assertTrue(merged.out().contains("main") && merged.out().contains("agentctl/" + a), merged.toString());
        assertEquals("from-a\n", project.read("tracked.txt"));
        assertFalse(env.meta(a).get("merged_at").isJsonNull());
        ProcResult again = env.agentctl(null, "merge", a);
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.err().contains("already merged"), again.err());

        String beforeConflict = project.state();
        ProcResult conflict = env.agentctl(null, "merge", b);
        assertEquals(1, conflict.exit(), conflict.toString());
        assertTrue(conflict.err().contains("conflict in: tracked.txt"), conflict.err());
        assertEquals(1, conflict.err().strip().lines().count(), conflict.err());
        assertEquals(beforeConflict, project.state(), "a conflicting merge leaves the checkout byte for byte as it was");
        assertFalse(env.meta(b).has("merged_at"));

        ProcResult refused = env.agentctl(null, "discard", b);
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("no other branch has"), refused.err());
        assertTrue(Files.isDirectory(WorktreeRuns.worktree(mb)));
        TestEnv.ok(env.agentctl(null, "discard", b, "--force"));
        assertFalse(Files.exists(WorktreeRuns.worktree(mb)));
        assertNotEquals(0, runs.gitIn(env.project, "rev-parse", "--verify", "refs/heads/agentctl/" + b).exit());
        TestEnv.ok(env.agentctl(null, "discard", a));
        assertEquals(1, runs.git(env.project, "worktree", "list").lines().count());
    }

    @Test
    void killedTimedOutAndLostRunsStillGetTheirLeftoversCommitted() throws Exception {
        String timedOut = env.start("Hang [[mock:hang]]", "--timeout", "40s");
        String killed = env.start("Hang [[mock:hang]]");
        String lost = env.start("Hang [[mock:hang]]");
        for (String id : new String[] {timedOut, killed, lost}) {
            Files.writeString(WorktreeRuns.worktree(runs.awaitCodex(id)).resolve("left-" + id + ".txt"), "half done\n");
        }
        TestEnv.ok(env.agentctl(null, "kill", killed));
        ProcessHandle.of(env.meta(lost).get("supervisor_pid").getAsLong()).orElseThrow().destroyForcibly();
        Path meta = env.home.resolve("runs").resolve(lost).resolve("meta.json");
        dev.agentctl.testing.Procs.await("lost supervisor gone", java.time.Duration.ofSeconds(30),
                () -> dev.agentctl.testing.Procs.gone(readPid(meta)));
        TestEnv.ok(env.agentctl(null, "show", lost)); // reconciles: lost
        String[] outcomes = {"killed", "timed_out", "lost"};
        String[] ids = {killed, timedOut, lost};
        for (int i = 0; i < ids.length; i++) {
            JsonObject m = env.waitFor(ids[i], "60s");
            assertEquals(outcomes[i], m.get("outcome").getAsString(), m.toString());
            String head = m.get("head_commit").getAsString();
            assertNotEquals(m.get("base_commit").getAsString(), head, m.toString());
            assertEquals("half done", runs.git(env.project, "show", head + ":left-" + ids[i] + ".txt"));
            assertEquals("agentctl", runs.git(env.project, "log", "-1", "--format=%cn", head));
            assertTrue(m.get("git_diff_stat").getAsString().contains("left-" + ids[i]), m.toString());
        }
    }

    private static long readPid(Path meta) {
        try {
            return JsonParser.parseString(Files.readString(meta)).getAsJsonObject().get("supervisor_pid").getAsLong();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void worktreeSetupRunsFirstAndItsFailureFailsTheRunWithoutCodex() throws Exception {
        TestEnv.ok(env.agentctl(null, "add-project", "proj", env.project.toString(), "--worktree-setup",
                "echo setting up; echo ready > setup-done.txt"));
        String ok = env.start("Use it [[mock-cmd:cat setup-done.txt > seen.txt]]", "--project", "proj");
        JsonObject m = env.waitFor(ok, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals("ready\n", Files.readString(WorktreeRuns.worktree(m).resolve("seen.txt")));
        assertTrue(Files.readString(env.home.resolve("runs").resolve(ok).resolve("setup.log")).contains("setting up"));

        TestEnv.ok(env.agentctl(null, "add-project", "proj", env.project.toString(), "--worktree-setup",
                "echo first line; echo 'npm: broken' >&2; exit 7"));
        String bad = env.start("Never runs [[mock-cmd:echo x > x.txt]]", "--project", "proj");
        JsonObject f = env.waitFor(bad, "60s");
        assertEquals("failed", f.get("outcome").getAsString(), f.toString());
        String error = f.get("error").getAsString();
        assertTrue(error.contains("exited 7") && error.contains("npm: broken"), error);
        assertTrue(f.get("codex_pid").isJsonNull(), "codex never started");
        assertEquals(f.get("base_commit").getAsString(), f.get("head_commit").getAsString());
    }

    @Test
    void resumeContinuesInTheSameWorktreeAndBranchEvenAfterTheWorktreeWasRemoved() throws Exception {
        String parent = env.start("First [[mock-cmd:echo one > step.txt]]");
        JsonObject p = env.waitFor(parent, "120s");
        assertEquals("succeeded", p.get("outcome").getAsString(), p.toString());
        String child = TestEnv.ok(env.agentctl("Go on [[mock-cmd:echo two >> step.txt]]", "resume", "--parent-run-id", parent)).out().strip();
        JsonObject c = env.waitFor(child, "120s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals(p.get("worktree").getAsString(), c.get("worktree").getAsString());
        assertEquals(p.get("branch").getAsString(), c.get("branch").getAsString());
        assertEquals(p.get("head_commit").getAsString(), c.get("base_commit").getAsString(), "the child's change is its own");
        assertEquals("one\ntwo\n", Files.readString(WorktreeRuns.worktree(c).resolve("step.txt")));

        runs.git(env.project, "worktree", "remove", "--force", c.get("worktree").getAsString());
        String third = TestEnv.ok(env.agentctl("Once more [[mock-cmd:echo three >> step.txt]]", "resume", "--parent-run-id", child)).out().strip();
        JsonObject t = env.waitFor(third, "120s");
        assertEquals("succeeded", t.get("outcome").getAsString(), t.toString());
        assertEquals("one\ntwo\nthree\n", Files.readString(WorktreeRuns.worktree(t).resolve("step.txt")));
        assertEquals("one\ntwo\nthree", runs.git(env.project, "show", t.get("branch").getAsString() + ":step.txt"));
    }
}
