package dev.agentctl.git;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.GitRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchMergeTest {
    @TempDir
    Path tmp;
    GitRepo repo;
    BranchMerge merge;

    @BeforeEach
    void setUp() throws Exception {
        repo = GitRepo.withCommit(tmp.resolve("repo"), "a.txt", "a1\na2\na3\n", "b.txt", "b\n");
        merge = new BranchMerge(tmp.resolve("locks"));
    }

    /** A branch "run" off HEAD with one commit changing path to text. */
    private void branch(String name, String path, String text) throws Exception {
        repo.git("checkout", "-q", "-b", name);
        repo.write(path, text);
        repo.commitAll("run change");
        repo.git("checkout", "-q", "main");
    }

    @Test
    void fastForwardsOrMergesAndKeepsUnrelatedLocalChanges() throws Exception {
        branch("run", "a.txt", "a1\nchanged\na3\n");
        repo.write("b.txt", "local edit\n");
        repo.write("scratch.txt", "untracked\n");
        BranchMerge.Result r = merge.merge(repo.dir, "run", BranchMerge.Mode.COMMIT, "msg");
        assertTrue(r.fastForward());
        assertEquals(repo.git("rev-parse", "run"), repo.git("rev-parse", "HEAD"));
        assertEquals("a1\nchanged\na3\n", repo.read("a.txt"));
        assertEquals("local edit\n", repo.read("b.txt"));
        assertEquals("untracked\n", repo.read("scratch.txt"));
        AgentctlException again = assertThrows(BranchMerge.AlreadyMerged.class,
                () -> merge.merge(repo.dir, "run", BranchMerge.Mode.COMMIT, "msg"));
        assertTrue(again.getMessage().contains("already merged"), again.getMessage());

        repo.git("checkout", "-q", "--", "b.txt");
        java.nio.file.Files.delete(repo.dir.resolve("scratch.txt"));
        branch("run2", "new.txt", "n\n");
        repo.write("b.txt", "main moves on\n");
        repo.commitAll("main moves on");
        r = merge.merge(repo.dir, "run2", BranchMerge.Mode.COMMIT, "Merge run2");
        assertFalse(r.fastForward());
        assertEquals("Merge run2", repo.git("log", "-1", "--format=%s"));
        assertEquals(2, repo.git("log", "-1", "--format=%p").split(" ").length);
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
    }

    @Test
    void aConflictLeavesTheCheckoutByteForByteAsItWas() throws Exception {
        branch("run", "a.txt", "a1\nfrom the run\na3\n");
        repo.write("a.txt", "a1\nfrom main\na3\n");
        repo.commitAll("main edits the same line");
        repo.write("b.txt", "uncommitted elsewhere\n");
        repo.git("add", "b.txt");
        repo.write("c.txt", "untracked\n");
        String before = repo.state();
        AgentctlException e = assertThrows(AgentctlException.class,
                () -> merge.merge(repo.dir, "run", BranchMerge.Mode.COMMIT, "msg"));
        assertEquals(AgentctlException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("conflict in: a.txt"), e.getMessage());
        assertEquals(before, repo.state());
        assertFalse(java.nio.file.Files.exists(repo.dir.resolve(".git/MERGE_HEAD")));
    }

    @Test
    void refusesWhenTouchedFilesHaveUncommittedChanges() throws Exception {
        branch("run", "a.txt", "a1\nrun\na3\n");
        repo.write("a.txt", "a1\na2\na3\nmine\n");
        String before = repo.state();
        AgentctlException e = assertThrows(AgentctlException.class,
                () -> merge.merge(repo.dir, "run", BranchMerge.Mode.COMMIT, "msg"));
        assertTrue(e.getMessage().contains("uncommitted changes in files the run touched: a.txt"), e.getMessage());
        assertEquals(before, repo.state());
        // An untracked file the run would create counts too.
        branch("run2", "made.txt", "by the run\n");
        repo.git("checkout", "-q", "--", "a.txt");
        repo.write("made.txt", "by the user\n");
        e = assertThrows(AgentctlException.class, () -> merge.merge(repo.dir, "run2", BranchMerge.Mode.COMMIT, "msg"));
        assertTrue(e.getMessage().contains("made.txt"), e.getMessage());
    }

    @Test
    void squashAndNoCommit() throws Exception {
        branch("run", "a.txt", "squashed\n");
        String head = repo.git("rev-parse", "HEAD");
        BranchMerge.Result r = merge.merge(repo.dir, "run", BranchMerge.Mode.SQUASH, "squash msg");
        assertEquals(head, repo.git("rev-parse", "HEAD^"));
        assertEquals(1, repo.git("log", "-1", "--format=%p").split(" ").length);
        assertEquals(r.commit(), repo.git("rev-parse", "HEAD"));

        branch("run2", "b.txt", "for review\n");
        head = repo.git("rev-parse", "HEAD");
        r = merge.merge(repo.dir, "run2", BranchMerge.Mode.NO_COMMIT, "x");
        assertNull(r.commit());
        assertEquals(head, repo.git("rev-parse", "HEAD"));
        assertEquals("for review\n", repo.read("b.txt"));
        assertEquals("M  b.txt", repo.git("status", "--porcelain"));
    }

    @Test
    void mergesIntoADetachedHead() throws Exception {
        branch("run", "new.txt", "n\n");
        repo.git("checkout", "-q", "--detach");
        merge.merge(repo.dir, "run", BranchMerge.Mode.COMMIT, "m");
        assertEquals(repo.git("rev-parse", "run"), repo.git("rev-parse", "HEAD"));
        assertEquals(repo.git("rev-parse", "main"), repo.git("rev-parse", "run~1"), "main itself untouched");
    }
}
