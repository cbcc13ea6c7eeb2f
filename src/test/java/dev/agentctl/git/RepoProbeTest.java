package dev.agentctl.git;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoProbeTest {
    @TempDir
    Path tmp;

    @Test
    void aRepositoryWithACommitAnswersEveryQuestionInOneCall() throws Exception {
        GitRepo repo = GitRepo.withCommit(tmp.resolve("my project ü"), "sub/a.txt", "a\n");
        RepoProbe p = RepoProbe.of(repo.dir.resolve("sub"));
        assertNotNull(p);
        assertEquals(repo.dir.toRealPath(), p.top().toRealPath());
        assertEquals(repo.git("rev-parse", "HEAD"), p.headCommit());
        assertEquals(repo.git("rev-parse", "HEAD^{tree}"), p.headTree());
        assertEquals(repo.dir.resolve(".git/index").toRealPath(), p.index().toRealPath());
    }

    @Test
    void aRepositoryWithoutCommitsHasNoHead() throws Exception {
        GitRepo repo = new GitRepo(Files.createDirectories(tmp.resolve("empty")));
        repo.git("init", "-q");
        RepoProbe p = RepoProbe.of(repo.dir);
        assertNotNull(p);
        assertNull(p.headCommit());
        assertNull(p.headTree());
        assertEquals(repo.dir.toRealPath(), p.top().toRealPath());
    }

    @Test
    void outsideAWorkTreeThereIsNothing() throws Exception {
        GitRepo repo = GitRepo.withCommit(tmp.resolve("r"), "a.txt", "a\n");
        assertNull(RepoProbe.of(Files.createDirectories(tmp.resolve("plain"))));
        assertNull(RepoProbe.of(tmp.resolve("missing")));
        assertNull(RepoProbe.of(repo.dir.resolve(".git")));
    }
}
