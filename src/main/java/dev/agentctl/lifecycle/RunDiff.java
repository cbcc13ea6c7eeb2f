package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.Git;
import dev.agentctl.git.GitSnapshot;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * `diff`: a run's own change as a patch (or a stat). A worktree run's is base_commit..head_commit; a shared run's
 * is between the snapshots taken at its start and end. A run still going is compared with its tree as it is now.
 */
public final class RunDiff {
    private final RunStore store;

    public RunDiff(RunStore store) {
        this.store = store;
    }

    public String diff(RunId runId, boolean stat) {
        RunMeta m = store.read(runId);
        Path project = RunWorkCheck.projectDir(m);
        String from;
        String to;
        if (m.isWorktree()) {
            from = m.baseCommit();
            to = m.headCommit() != null ? m.headCommit() : now(m, Paths.get(m.worktree()));
        } else {
            from = m.str(RunMeta.START_TREE);
            to = m.isFinished() ? m.str(RunMeta.END_TREE) : now(m, project);
        }
        if (from == null || to == null) {
            throw AgentctlException.failed("run " + runId + " has no record of its change (the project was not in git, "
                    + "or its snapshots could not be taken)");
        }
        if (!m.isWorktree()) return snapshots(m, project).diff(from, to, stat);
        return stat ? new Git(project).raw("diff", "--stat=200,160", "--no-color", "--no-ext-diff", from, to, "--")
                : new Git(project).raw("diff", "--binary", "--no-color", "--no-ext-diff", from, to, "--");
    }

    /** A shared run's snapshots live in its private object directory (the project's objects as an alternate). */
    private GitSnapshot snapshots(RunMeta m, Path dir) {
        return new GitSnapshot(dir).withPrivateObjects(store.dir(m.runId()).resolve("snap.objects"));
    }

    /** The tree of dir as it is now, through a private index in the run's directory. */
    private String now(RunMeta m, Path dir) {
        if (!Files.isDirectory(dir)) return null;
        Path index = store.dir(m.runId()).resolve("diff.index");
        try {
            return (m.isWorktree() ? new GitSnapshot(dir) : snapshots(m, dir)).snapshot(index);
        } finally {
            try {
                Files.deleteIfExists(index);
            } catch (IOException ignored) {
                // a stale private index harms nothing
            }
        }
    }
}
