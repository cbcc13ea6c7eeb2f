package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.GitRepo;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationChoiceTest {
    @TempDir
    Path tmp;
    final List<String> notes = new ArrayList<>();
    final Profile spark = new Profile("spark", "m", "low", null);

    private boolean decide(Path dir, String projectIsolation, String asked, String base, String sandbox, Config config) {
        Project p = new Project("p", dir, null, projectIsolation, null);
        RunRequest req = RunRequest.start(p, spark, null, "x".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, sandbox, null, null, false, null, asked, base);
        return IsolationChoice.choose(req, config, sandbox, notes::add).worktree();
    }

    private boolean decide(Path dir, String asked) {
        return decide(dir, null, asked, null, null, new Config(null));
    }

    @Test
    void aGitRepositoryWithACommitGetsAWorktreeUnlessSharedIsAsked() throws Exception {
        Path repo = GitRepo.withCommit(tmp.resolve("r"), "a", "a\n").dir;
        assertTrue(decide(repo, null));
        assertFalse(decide(repo, "shared"));
        JsonObject c = new JsonObject();
        c.addProperty("isolation", "shared");
        assertFalse(decide(repo, null, null, null, null, new Config(c)));
        assertTrue(decide(repo, null, "worktree", null, null, new Config(c)), "the command line wins");
        assertTrue(decide(repo, "worktree", null, null, null, new Config(c)), "the project wins over config");
        assertFalse(decide(repo, "shared", null, null, null, new Config(null)));
        assertTrue(decide(repo, "shared", "worktree", null, null, new Config(null)), "the command line wins over the project");
        assertEquals(List.of(), notes);
        assertThrows(AgentctlException.class, () -> decide(repo, null, "shared", "main", null, new Config(null)));
    }

    @Test
    void readOnlyNonGitAndNoCommitsRunSharedWithANoteOnlyWhenAsked() throws Exception {
        Path repo = GitRepo.withCommit(tmp.resolve("r"), "a", "a\n").dir;
        assertFalse(decide(repo, null, null, null, "read-only", new Config(null)));
        assertEquals(List.of(), notes, "the config default is not an explicit ask");
        assertFalse(decide(repo, null, "worktree", null, "read-only", new Config(null)));
        assertEquals(1, notes.size());
        assertThrows(AgentctlException.class, () -> decide(repo, null, null, "main", "read-only", new Config(null)));

        Path plain = Files.createDirectories(tmp.resolve("plain"));
        notes.clear();
        assertFalse(decide(plain, null));
        assertEquals(List.of(), notes);
        assertFalse(decide(plain, "worktree", null, null, null, new Config(null)));
        assertEquals(1, notes.size(), "the project asked: a note");
        AgentctlException e = assertThrows(AgentctlException.class, () -> decide(plain, "worktree"));
        assertEquals(AgentctlException.Kind.USAGE, e.kind());

        GitRepo empty = new GitRepo(Files.createDirectories(tmp.resolve("empty")));
        empty.git("init", "-q");
        notes.clear();
        assertFalse(decide(empty.dir, null));
        assertTrue(notes.get(0).contains("no commits yet"), notes.toString());
    }
}
