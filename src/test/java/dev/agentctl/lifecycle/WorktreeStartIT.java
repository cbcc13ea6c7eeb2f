package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.GitRepo;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.testing.TestEnv;
import dev.agentctl.testing.WorktreeRuns;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where runs may and may not get a worktree, bad input to the new commands, unusual repositories, many at once, prune. */
class WorktreeStartIT extends RealRunTest {
    WorktreeRuns runs;

    @BeforeEach
    void setUp() {
        runs = new WorktreeRuns(env);
    }

    private long runCount() throws Exception {
        Path dir = env.home.resolve("runs");
        try (var s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static void assertRefused(int exit, ProcResult r, String text) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(text), r.err());
    }

    @Test
    void fallsBackToSharedWhereAWorktreeCannotBeAndRefusesWhatCannotBeHonoured() throws Exception {
        // The test's directories lie inside agentctl's own checkout: git must not look above them.
        env.env().put("GIT_CEILING_DIRECTORIES", env.base.toString());
        Path plain = Files.createDirectories(env.base.resolve("not a repo"));
        GitRepo empty = new GitRepo(Files.createDirectories(env.base.resolve("empty repo")));
        empty.git("init", "-q");
        assertRefused(2, env.agentctl("x", "start", "--project", plain.toString(), "--worktree"), "not inside a git work tree");
        assertRefused(2, env.agentctl("x", "start", "--isolation", "bogus"), "\"worktree\" or \"shared\"");
        assertRefused(2, env.agentctl("x", "start", "--worktree", "--isolation", "shared"), "contradicts");
        assertRefused(2, env.agentctl("x", "start", "--base", "main", "--isolation", "shared"), "--base needs a worktree");
        assertRefused(2, env.agentctl("x", "start", "--base", "no-such-branch"), "names no commit");
        assertEquals(0, runCount(), "refused starts leave no run behind");
        assertEquals("main", runs.git(env.project, "branch", "--format=%(refname:short)"), "and no branch");

        ProcResult quiet = TestEnv.ok(env.agentctl("Nothing [[mock-cmd:true]]", "start", "--project", plain.toString()));
        ProcResult readOnly = TestEnv.ok(env.agentctl("Look [[mock-cmd:true]]", "start", "--worktree", "--sandbox", "read-only"));
        ProcResult noCommits = TestEnv.ok(env.agentctl("Nothing [[mock-cmd:true]]", "start", "--project", empty.dir.toString()));
        assertEquals("", quiet.err(), "a non-git project under the default isolation runs shared silently");
        assertTrue(readOnly.err().contains("read-only") && readOnly.err().strip().lines().count() == 1, readOnly.err());
        assertTrue(noCommits.err().contains("no commits yet"), noCommits.err());
        for (ProcResult r : new ProcResult[] {quiet, readOnly, noCommits}) {
            JsonObject m = env.waitFor(r.out().strip(), "120s");
            assertEquals("shared", m.get("isolation").getAsString(), m.toString());
            assertTrue(m.get("branch").isJsonNull());
        }
    }

    @Test
    void mergeDiscardAndDiffRefuseBadRunsWithOneLineAndChangeNothing() throws Exception {
        for (String verb : new String[] {"merge", "discard", "diff"}) {
            assertRefused(2, env.agentctl(null, verb, "20990101-000000-abcdef"), "unknown run id");
        }
        String shared = env.start("Edit [[mock-cmd:echo shared > shared.txt]]", "--isolation", "shared");
        String wt = env.start("Edit [[mock-cmd:echo mine > mine.txt]]");
        String hang = env.start("Hang [[mock:hang]]");
        env.waitFor(shared, "120s");
        JsonObject w = env.waitFor(wt, "120s");
        assertRefused(2, env.agentctl(null, "merge", shared), "shared run");
        assertRefused(2, env.agentctl(null, "discard", shared), "shared run");
        assertTrue(TestEnv.ok(env.agentctl(null, "diff", shared)).out().contains("+shared"), "a shared run's diff from its snapshots");
        runs.awaitCodex(hang);
        assertRefused(2, env.agentctl(null, "merge", hang), "still running");
        TestEnv.ok(env.agentctl(null, "kill", hang));

        Path moved = env.base.resolve("project-moved");
        Files.move(env.project, moved);
        try {
            assertRefused(2, env.agentctlIn(env.base, null, "merge", wt), "is missing");
            assertRefused(2, env.agentctlIn(env.base, null, "discard", wt), "is missing");
        } finally {
            Files.move(moved, env.project);
        }
        assertEquals(w, env.meta(wt), "refusals change nothing");
        assertTrue(Files.isDirectory(WorktreeRuns.worktree(w)));
        TestEnv.ok(env.agentctl(null, "merge", wt, "--squash"));
        assertEquals("mine\n", Files.readString(env.project.resolve("mine.txt")));
        assertRefused(1, env.agentctl(null, "merge", wt), "already merged");
        TestEnv.ok(env.agentctl(null, "discard", wt)); // squash-merged: nothing would be lost
    }

    @Test
    void aSubmoduleADetachedHeadAndAPathWithSpacesAndUnicode() throws Exception {
        GitRepo sub = GitRepo.withCommit(env.base.resolve("sub repo"), "lib.txt", "lib\n");
        GitRepo repo = GitRepo.withCommit(env.base.resolve("my prøject ✓"), "app.txt", "app\n");
        repo.git("submodule", "add", "-q", sub.dir.toString(), "vendor/lib");
        repo.commitAll("add submodule");
        repo.git("checkout", "-q", "--detach");
        String head = repo.git("rev-parse", "HEAD");
        String id = env.start("Edit [[mock-cmd:echo changed >> app.txt]]", "--project", repo.dir.toString());
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals(head, m.get("base_commit").getAsString());
        assertEquals("app.txt | 1 +\n 1 file changed, 1 insertion(+)", m.get("git_diff_stat").getAsString().strip());
        assertEquals(head, repo.git("rev-parse", "HEAD"));
        assertEquals("", repo.git("status", "--porcelain"));
        TestEnv.ok(env.agentctl(null, "merge", id));
        assertEquals("app\nchanged\n", repo.read("app.txt"));
        assertNotEquals(0, repo.tryGit("symbolic-ref", "-q", "HEAD").exitCode(), "still detached");
    }

    @Test
    void twentyWorktreeRunsStartedAtOnceAllGetTheirWorktreeAndBranch() throws Exception {
        Files.writeString(env.project.resolve("tracked.txt"), "uncommitted\n");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<ProcResult>> starts = new ArrayList<>();
            List<String> argv = new ArrayList<>(TestEnv.agentctlArgv());
            argv.add("start");
            // 20 JVMs and 20 snapshots at once on a small machine: generous, as the point is that all succeed.
            for (int i = 0; i < 20; i++) {
                starts.add(pool.submit(() -> dev.agentctl.testing.Procs.run(argv, env.project, env.env(), "Hang [[mock:hang]]",
                        java.time.Duration.ofMinutes(5))));
            }
            for (Future<ProcResult> f : starts) ids.add(TestEnv.ok(f.get()).out().strip());
        } finally {
            pool.shutdownNow();
        }
        // start makes each run's branch from what the user sees...
        assertEquals(20, runs.git(env.project, "branch", "--list", "agentctl/*").lines().count());
        for (String id : ids) assertEquals("uncommitted", runs.git(env.project, "show", "agentctl/" + id + ":tracked.txt"));
        // ...and a run's supervisor checks its worktree out when it launches: the 8 that max_concurrent lets run.
        List<String> launched = new ArrayList<>();
        dev.agentctl.testing.Procs.await("8 runs' codex running", java.time.Duration.ofSeconds(120), () -> {
            launched.clear();
            for (String id : ids) {
                try {
                    JsonObject m = env.meta(id);
                    if (m.has("codex_pid") && !m.get("codex_pid").isJsonNull()) launched.add(id);
                } catch (java.io.IOException e) {
                    return false;
                }
            }
            return launched.size() == 8;
        });
        assertEquals(1 + 8, runs.git(env.project, "worktree", "list").lines().count());
        for (String id : launched) {
            assertEquals("uncommitted\n", Files.readString(env.home.resolve("worktrees").resolve(id).resolve("tracked.txt")));
        }
        List<String> kill = new ArrayList<>(List.of("kill"));
        kill.addAll(ids);
        TestEnv.ok(env.agentctl(null, kill.toArray(String[]::new)));
        for (String id : ids) assertFalse(env.meta(id).get("head_commit").isJsonNull(), id);
    }

    @Test
    void pruneDryRunShowsExactlyWhatPruneRemovesAndKeepsUnmergedBranches() throws Exception {
        String merged = env.start("Edit [[mock-cmd:echo m > merged.txt]]");
        String unmerged = env.start("Edit [[mock-cmd:echo u > unmerged.txt]]");
        String shared = env.start("Edit [[mock-cmd:echo s > shared.txt]]", "--isolation", "shared");
        for (String id : List.of(merged, unmerged, shared)) env.waitFor(id, "120s");
        TestEnv.ok(env.agentctl(null, "merge", merged));
        RunStore store = new RunStore(new Workspace(env.home));
        String old = Instant.now().minus(40, ChronoUnit.DAYS).toString();
        for (String id : List.of(merged, unmerged, shared)) store.write(RawMeta.of(store.read(RunId.of(id))).put("ended_at", old).meta());
        RunFixtures.write(env.home, "20200101-000000-aaaaaa", "2020-01-01T00:00:00Z", "running", null, "project");
        TestEnv.ok(env.agentctl(null, "list")); // fills the run index

        assertTrue(TestEnv.ok(env.agentctl(null, "prune", "--dry-run", "--keep", "3")).out().contains("nothing to prune"));
        String dry = TestEnv.ok(env.agentctl(null, "prune", "--dry-run")).out();
        assertTrue(dry.contains("would remove run " + merged + " (worktree ") && dry.contains("agentctl/" + merged + " deleted"), dry);
        assertTrue(dry.contains("would remove run " + unmerged) && dry.contains("agentctl/" + unmerged + " KEPT"), dry);
        assertTrue(dry.contains("would remove run " + shared + "\n"), dry);
        assertTrue(dry.contains("hint:"), dry);
        assertFalse(dry.contains("20200101-000000-aaaaaa"), "a running run is never pruned");
        assertEquals(4, runCount(), "a dry run removes nothing");
        assertEquals(2, runs.git(env.project, "branch", "--list", "agentctl/*").lines().count());

        String real = TestEnv.ok(env.agentctl(null, "prune")).out();
        assertEquals(dry.replace("would remove", "removed"), real, "prune does what the dry run said");
        assertEquals("agentctl/" + unmerged, runs.git(env.project, "branch", "--list", "agentctl/*").strip());
        assertEquals("u", runs.git(env.project, "show", "agentctl/" + unmerged + ":unmerged.txt"));
        assertEquals(1, runs.git(env.project, "worktree", "list").lines().count());
        assertEquals(1, runCount());
        String index = Files.readString(env.home.resolve("runs/.index.jsonl"));
        assertFalse(index.contains(merged) || index.contains(unmerged) || index.contains(shared), index);
        try (var s = Files.list(env.home.resolve("worktrees"))) {
            assertEquals(List.of(".locks"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
