package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.Procs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSnapshotsTest {
    @TempDir Path tmp;

    private void git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        argv.addAll(List.of(args));
        assertEquals(0, Procs.run(argv, dir, null, null, Duration.ofSeconds(30)).exit());
    }

    private static long files(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** Untracked files are snapshotted in the run's own object directory, never in the user's .git/objects. */
    @Test
    void snapshotsAddNoObjectsToTheProjectAndLeaveNothingInTheRunDirectory() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path runDir = Files.createDirectories(tmp.resolve("run"));
        git(project, "init", "-q", "-b", "main");
        Files.writeString(project.resolve("tracked.txt"), "one\n");
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "initial");
        for (int i = 0; i < 200; i++) Files.writeString(project.resolve("untracked-" + i + ".txt"), "u" + i + "\n");
        long objectsBefore = files(project.resolve(".git/objects"));
        List<String> problems = new ArrayList<>();
        ProjectSnapshots snapshots = new ProjectSnapshots(project, runDir, problems::add);
        snapshots.takeStart();
        assertNotNull(snapshots.startTree(), problems.toString());
        Files.writeString(project.resolve("tracked.txt"), "two\n");
        Files.writeString(project.resolve("new.txt"), "new\n");
        git(project, "commit", "-q", "-am", "agent commit"); // commits the agent makes still count
        long objectsAfterCommit = files(project.resolve(".git/objects"));
        String diff = snapshots.diffSinceStart();
        assertEquals(List.of(), problems);
        assertTrue(diff.contains("tracked.txt") && diff.contains("new.txt") && diff.contains("2 files changed"), diff);
        assertEquals(objectsAfterCommit, files(project.resolve(".git/objects")), "snapshots added no objects to the project");
        assertEquals(objectsBefore + 3, objectsAfterCommit, "only the agent's own commit (commit, tree, blob) did");
        try (var s = Files.list(runDir)) {
            // The index goes at the end; the objects stay with the run (agentctl diff reads them) until it is pruned.
            assertEquals(List.of(runDir.resolve("snap.objects")), s.toList(), "private index deleted, objects kept with the run");
        }
    }
}
