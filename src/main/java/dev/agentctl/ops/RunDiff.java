package dev.agentctl.ops;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.git.GitSnapshot;
import dev.agentctl.run.RunMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What a run changed: the patch between the snapshot taken when it started and the one taken when
 * codex ended (or, for a run still going, the tree as it is now). Without snapshots, the stored stat.
 */
public final class RunDiff {
    /** source: "end_tree" (recorded at the end), "working_tree" (live, run unfinished) or "stat_only". */
    public record Diff(String runId, String stat, String patch, String source, String fromTree, String toTree) {}

    private RunDiff() {}

    public static Diff of(RunMeta m) {
        String start = m.str("start_tree");
        String dir = m.str("project_dir");
        String stored = m.str("git_diff_stat");
        if (start == null || dir == null || !Files.isDirectory(Paths.get(dir))) {
            return new Diff(m.runId(), stored, null, "stat_only", null, null);
        }
        GitSnapshot git = new GitSnapshot(Paths.get(dir));
        String end = m.str("end_tree");
        String source = "end_tree";
        try {
            if (end == null && !m.isFinished()) {
                end = liveTree(git);
                source = "working_tree";
            }
            if (end == null) return new Diff(m.runId(), stored, null, "stat_only", start, null);
            return new Diff(m.runId(), git.diffStat(start, end), git.diff(start, end), source, start, end);
        } catch (AgentctlException e) {
            // e.g. the snapshot trees were pruned by git gc: the stat recorded at the end is still true
            return new Diff(m.runId(), stored, null, "stat_only", start, end);
        }
    }

    /** A snapshot through a throw-away index, so neither the user's index nor the supervisor's is touched. */
    private static String liveTree(GitSnapshot git) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("agentctl-diff-");
            return git.snapshot(tmp.resolve("index"));
        } catch (IOException e) {
            throw AgentctlException.failed("cannot make a temporary index: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp.resolve("index"));
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind harms nothing
                }
            }
        }
    }
}
