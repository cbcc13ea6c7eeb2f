package dev.agentctl.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentctl.proc.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSnapshotTest {
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    @TempDir
    Path tmp;
    Path repo;
    Path runDir;
    GitSnapshot snapshots;

    @BeforeEach
    void setUp() throws IOException {
        repo = Files.createDirectory(tmp.resolve("repo"));
        runDir = Files.createDirectory(tmp.resolve("run"));
        snapshots = new GitSnapshot(repo);
    }

    /** Runs git in the test repo with a fixed identity and no user or system configuration. */
    private String git(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", repo.toString(),
                "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                "-c", "init.defaultBranch=main"));
        argv.addAll(List.of(args));
        ProcessRunner.Result r = ProcessRunner.run(argv, null,
                Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), "git " + String.join(" ", args) + ": " + r.stderr());
        return r.stdout();
    }

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void initWithCommit() throws IOException {
        git("init", "-q");
        write("tracked.txt", "one\n");
        write("other.txt", "other\n");
        write(".gitignore", "*.log\n");
        git("add", "-A");
        git("commit", "-q", "-m", "initial");
    }

    private String snap(String name) {
        String tree = snapshots.snapshot(runDir.resolve(name));
        assertNotNull(tree);
        assertTrue(tree.matches("[0-9a-f]{40,64}"), tree);
        return tree;
    }

    @Test
    void editsAndNewUntrackedFilesAppearIgnoredFilesDoNot() throws IOException {
        initWithCommit();
        String start = snap("start.index");
        write("tracked.txt", "one\ntwo\n");
        write("brand new.txt", "new\n");
        write("dir/nested.txt", "nested\n");
        write("noise.log", "ignored\n");
        String end = snap("end.index");
        String stat = snapshots.diffStat(start, end);
        assertTrue(stat.contains("tracked.txt"), stat);
        assertTrue(stat.contains("brand new.txt"), stat);
        assertTrue(stat.contains("dir/nested.txt"), stat);
        assertFalse(stat.contains("noise.log"), stat);
        assertFalse(stat.contains("other.txt"), stat);
        assertTrue(stat.endsWith("3 files changed, 3 insertions(+)"), stat);
    }

    @Test
    void changesMadeBeforeTheFirstSnapshotAreNotReported() throws IOException {
        initWithCommit();
        write("tracked.txt", "edited before the run\n");
        write("untracked-before.txt", "x\n");
        String start = snap("start.index");
        assertEquals("", snapshots.diffStat(start, snap("same.index")));
        write("other.txt", "changed during the run\n");
        String stat = snapshots.diffStat(start, snap("end.index"));
        assertTrue(stat.contains("other.txt"), stat);
        assertFalse(stat.contains("tracked.txt"), stat);
        assertFalse(stat.contains("untracked-before.txt"), stat);
    }

    @Test
    void aCommitMadeBetweenSnapshotsIsReported() throws IOException {
        initWithCommit();
        String start = snap("start.index");
        String headBefore = snapshots.headCommit();
        write("committed.txt", "c\n");
        git("add", "committed.txt");
        git("commit", "-q", "-m", "during the run");
        assertFalse(headBefore.equals(snapshots.headCommit()));
        String stat = snapshots.diffStat(start, snap("end.index"));
        assertTrue(stat.contains("committed.txt"), stat);
    }

    @Test
    void deletionsAreReported() throws IOException {
        initWithCommit();
        String start = snap("start.index");
        Files.delete(repo.resolve("other.txt"));
        String stat = snapshots.diffStat(start, snap("end.index"));
        assertTrue(stat.contains("other.txt") && stat.contains("1 deletion(-)"), stat);
    }

    @Test
    void theUsersIndexAndStagedStateAreUntouched() throws IOException {
        initWithCommit();
        write("staged.txt", "staged\n");
        git("add", "staged.txt");
        write("tracked.txt", "unstaged edit\n");
        write("untracked.txt", "u\n");
        String statusBefore = git("status", "--porcelain=v1", "--untracked-files=all");
        String cachedBefore = git("diff", "--cached", "--name-status");
        Path index = repo.resolve(".git/index");
        byte[] indexBefore = Files.readAllBytes(index); // after status, which may refresh the index itself

        String start = snap("start.index");
        write("zz-during.txt", "d\n");
        snapshots.diffStat(start, snap("end.index"));

        assertArrayEquals(indexBefore, Files.readAllBytes(index), "the user's index file changed");
        assertFalse(Files.exists(repo.resolve(".git/index.lock")));
        assertEquals(cachedBefore, git("diff", "--cached", "--name-status"));
        assertEquals(statusBefore + "?? zz-during.txt\n", git("status", "--porcelain=v1", "--untracked-files=all"));
        assertEquals("A\tstaged.txt\n", cachedBefore);
    }

    @Test
    void aDirectoryOutsideGitIsNotARepository() throws IOException {
        Files.writeString(repo.resolve("file.txt"), "x");
        assertFalse(snapshots.isRepository());
        assertNull(snapshots.headCommit());
        assertNull(snapshots.snapshot(runDir.resolve("snap.index")));
        assertFalse(Files.exists(runDir.resolve("snap.index")));
        assertNull(snapshots.diffStat(null, null));
        GitSnapshot missing = new GitSnapshot(tmp.resolve("does-not-exist"));
        assertFalse(missing.isRepository());
        assertNull(missing.snapshot(runDir.resolve("missing.index")));
    }

    @Test
    void anEmptyRepositoryWorks() throws IOException {
        git("init", "-q");
        assertTrue(snapshots.isRepository());
        assertNull(snapshots.headCommit());
        String start = snap("start.index");
        assertEquals(EMPTY_TREE, start);
        assertFalse(Files.exists(repo.resolve(".git/index")), "snapshot created the user's index");
        write("first.txt", "hello\n");
        String stat = snapshots.diffStat(start, snap("end.index"));
        assertTrue(stat.contains("first.txt") && stat.contains("1 file changed"), stat);
        assertFalse(Files.exists(repo.resolve(".git/index")), "snapshot created the user's index");
    }

    @Test
    void aSubdirectoryOfTheRepositorySnapshotsTheWholeWorkTree() throws IOException {
        initWithCommit();
        write("sub/inner.txt", "i\n");
        GitSnapshot fromSub = new GitSnapshot(repo.resolve("sub"));
        assertTrue(fromSub.isRepository());
        String start = fromSub.snapshot(runDir.resolve("start.index"));
        write("top-level.txt", "t\n");
        String stat = fromSub.diffStat(start, fromSub.snapshot(runDir.resolve("end.index")));
        assertTrue(stat.contains("top-level.txt"), stat);
    }

    @Test
    void headCommitIsTheCurrentCommit() throws IOException {
        initWithCommit();
        assertEquals(git("rev-parse", "HEAD").strip(), snapshots.headCommit());
    }

    @Test
    void nonAsciiPathsAreShownVerbatim() throws IOException {
        initWithCommit();
        String start = snap("start.index");
        write("ünïcödé.txt", "x\n");
        String stat = snapshots.diffStat(start, snap("end.index"));
        assertTrue(stat.contains("ünïcödé.txt"), stat);
    }

    @Test
    void locationVariablesFromOurEnvironmentCannotRedirectGit() {
        Map<String, String> env = GitSnapshot.environment(null);
        for (String v : List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR")) {
            assertTrue(env.containsKey(v) && env.get(v) == null, v + " must be removed");
        }
        assertEquals("/x/snap.index", GitSnapshot.environment(Map.of("GIT_INDEX_FILE", "/x/snap.index")).get("GIT_INDEX_FILE"));
    }
}
