package dev.agentctl.git;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorktreesTest {
    @TempDir
    Path tmp;
    GitRepo repo;
    Worktrees worktrees;

    @BeforeEach
    void setUp() throws Exception {
        repo = GitRepo.withCommit(tmp.resolve("my project ü"), "tracked.txt", "one\n", ".gitignore", "*.log\n.env\n");
        worktrees = new Worktrees(tmp.resolve("locks"));
    }

    private Worktrees.Created create(String name, String base) {
        return worktrees.create(repo.dir, tmp.resolve("wt").resolve(name), "agentctl/" + name, base, tmp.resolve(name + ".index"), name);
    }

    @Test
    void startsFromWhatTheUserSeesWithoutTouchingTheirCheckout() throws Exception {
        repo.write("tracked.txt", "edited by the user\n");
        repo.write("new.txt", "untracked\n");
        repo.write("build.log", "ignored\n");
        repo.git("stash", "list");
        String before = repo.state();
        Worktrees.Created c = create("r1", null);
        assertEquals("edited by the user\n", Files.readString(c.worktree().resolve("tracked.txt")));
        assertEquals("untracked\n", Files.readString(c.worktree().resolve("new.txt")));
        assertFalse(Files.exists(c.worktree().resolve("build.log")), "ignored files stay behind");
        assertEquals(before, repo.state(), "checkout, index and HEAD untouched");
        assertEquals("", repo.git("stash", "list"));
        assertEquals(c.baseCommit(), repo.git("rev-parse", "agentctl/r1"));
        assertEquals(repo.git("rev-parse", "HEAD"), repo.git("rev-parse", c.baseCommit() + "^"));
        assertEquals("agentctl", repo.git("log", "-1", "--format=%cn", c.baseCommit()));
        assertEquals(c.worktree(), c.workDir());
    }

    @Test
    void cleanCheckoutStartsAtHeadAndBaseStartsClean() throws Exception {
        String head = repo.git("rev-parse", "HEAD");
        assertEquals(head, create("clean", null).baseCommit());
        repo.write("tracked.txt", "second\n");
        repo.commitAll("second");
        repo.write("tracked.txt", "dirty\n");
        Worktrees.Created c = create("based", "HEAD~1");
        assertEquals(head, c.baseCommit());
        assertEquals("one\n", Files.readString(c.worktree().resolve("tracked.txt")));
        AgentctlException e = assertThrows(AgentctlException.class, () -> create("bad", "no-such-ref"));
        assertEquals(AgentctlException.Kind.USAGE, e.kind());
        assertThrows(AgentctlException.class, () -> create("dash", "--all"));
        assertFalse(repo.tryGit("rev-parse", "--verify", "agentctl/bad").exitCode() == 0, "no branch left by a refusal");
    }

    @Test
    void worktreeIncludeFilesAreCopiedAndNeverCommitted() throws Exception {
        repo.write(".worktreeinclude", ".env\nconf/*.local\n");
        repo.write(".env", "SECRET=1\n");
        repo.write("conf/app.local", "x\n");
        repo.write("conf/app.log", "not included\n");
        Worktrees.Created c = create("inc", null);
        assertEquals("SECRET=1\n", Files.readString(c.worktree().resolve(".env")));
        assertEquals("x\n", Files.readString(c.worktree().resolve("conf/app.local")));
        assertFalse(Files.exists(c.worktree().resolve("conf/app.log")));
        Files.writeString(c.worktree().resolve("work.txt"), "the agent's\n");
        String head = Worktrees.commitLeftovers(repo.dir, c.worktree(), c.branch(), "leftovers", tmp.resolve("end.index"));
        String files = repo.git("diff", "--name-only", c.baseCommit(), head);
        assertEquals("work.txt", files);
        assertFalse(Worktrees.hasUncommittedWork(repo.dir, c.worktree()));
    }

    @Test
    void leftoversAreCommittedOnTopOfTheAgentsOwnCommits() throws Exception {
        Worktrees.Created c = create("left", null);
        GitRepo wt = new GitRepo(c.worktree());
        wt.write("a.txt", "committed by the agent\n");
        wt.commitAll("agent commit");
        wt.write("b.txt", "left over\n");
        assertTrue(Worktrees.hasUncommittedWork(repo.dir, c.worktree()));
        String head = Worktrees.commitLeftovers(repo.dir, c.worktree(), c.branch(), "title (run left)", tmp.resolve("i"));
        assertEquals("title (run left)\nagent commit\n", repo.git("log", "--format=%s", c.baseCommit() + ".." + head) + "\n");
        assertEquals("agentctl", repo.git("log", "-1", "--format=%cn", head));
        assertEquals("", wt.git("status", "--porcelain"));
        assertEquals(head, Worktrees.commitLeftovers(repo.dir, c.worktree(), c.branch(), "again", tmp.resolve("i")),
                "nothing left: no empty commit");
        assertEquals(2, Worktrees.unmergedCommits(repo.dir, c.branch(), c.baseCommit()));
        worktrees.remove(repo.dir, c.worktree());
        assertFalse(Files.exists(c.worktree()));
        assertEquals(head, Worktrees.commitLeftovers(repo.dir, c.worktree(), c.branch(), "gone", tmp.resolve("i")));
        worktrees.recreate(repo.dir, c.worktree(), c.branch());
        assertEquals("left over\n", Files.readString(c.worktree().resolve("b.txt")));
        worktrees.remove(repo.dir, c.worktree());
        worktrees.deleteBranch(repo.dir, c.branch());
        assertFalse(repo.tryGit("rev-parse", "--verify", "refs/heads/" + c.branch()).exitCode() == 0);
        assertEquals("", repo.git("worktree", "list", "--porcelain").lines().filter(l -> l.contains("wt")).reduce("", String::concat));
    }

    @Test
    void detachedHeadSubdirectoryAndNoCommits() throws Exception {
        repo.write("sub/dir/f.txt", "f\n");
        repo.commitAll("sub");
        repo.git("checkout", "-q", "--detach", "HEAD");
        Path sub = repo.dir.resolve("sub/dir");
        Worktrees.Created c = worktrees.create(sub, tmp.resolve("wt/sub"), "agentctl/sub", null, tmp.resolve("s.index"), "sub");
        assertEquals(c.worktree().resolve("sub/dir"), c.workDir());
        assertTrue(Files.exists(c.workDir().resolve("f.txt")));
        GitRepo empty = new GitRepo(Files.createDirectories(tmp.resolve("empty")));
        empty.git("init", "-q");
        assertThrows(Worktrees.NoCommits.class, () -> worktrees.create(empty.dir, tmp.resolve("wt/e"), "agentctl/e", null,
                tmp.resolve("e.index"), "e"));
    }

    @Test
    void twentyAtOnceAllSucceed() throws Exception {
        repo.write("dirty.txt", "x\n");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Worktrees.Created>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "p" + i;
                all.add(pool.submit(() -> create(name, null)));
            }
            for (Future<Worktrees.Created> f : all) assertTrue(Files.exists(f.get().worktree().resolve("dirty.txt")));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(21, repo.git("worktree", "list").lines().count());
        assertEquals(20, repo.git("branch", "--list", "agentctl/*").lines().count());
    }
}
