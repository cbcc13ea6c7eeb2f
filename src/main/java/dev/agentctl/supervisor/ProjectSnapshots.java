package dev.agentctl.supervisor;

import dev.agentctl.git.GitSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The project's working tree at the start and at the end of a run, so the diff is the run's own.
 * A project that is not a git repository, or a git that fails, costs the run its diff, never its
 * result: problems are reported and the diff is left null.
 */
final class ProjectSnapshots {
    private final GitSnapshot git;
    private final Path indexFile;
    private final Path objectDir;
    private final Consumer<String> problems;
    private String startTree;
    private String baseCommit;
    private String endTree;

    /**
     * Works in runDir: a private index (deleted at the end) and a private object directory, kept with the
     * run so `agentctl diff` can show a shared run's change, and deleted with the run (prune).
     */
    ProjectSnapshots(Path projectDir, Path runDir, Consumer<String> problems) {
        this.indexFile = runDir.resolve("snap.index");
        this.objectDir = runDir.resolve("snap.objects");
        this.git = new GitSnapshot(projectDir).withPrivateObjects(objectDir);
        this.problems = problems;
    }

    void takeStart() {
        try {
            if (!git.isRepository()) return;
            startTree = git.snapshot(indexFile);
            baseCommit = git.headCommit();
        } catch (RuntimeException e) {
            problems.accept("git snapshot at start failed: " + e.getMessage());
        }
    }

    String startTree() { return startTree; }
    String baseCommit() { return baseCommit; }
    /** The tree diffSinceStart compared with; null before, or when unknown. */
    String endTree() { return endTree; }

    /** The diff stat from the start snapshot to the tree as it is now; null when unknown. */
    String diffSinceStart() {
        try {
            if (startTree == null) return null;
            endTree = git.snapshot(indexFile);
            return endTree == null ? null : git.diffStat(startTree, endTree);
        } catch (RuntimeException e) {
            problems.accept("git snapshot at end failed: " + e.getMessage());
            return null;
        } finally {
            try {
                Files.deleteIfExists(indexFile);
            } catch (IOException ignored) {
                // a stale private index in the run directory harms nothing
            }
        }
    }
}
