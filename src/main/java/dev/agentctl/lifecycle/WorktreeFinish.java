package dev.agentctl.lifecycle;

import dev.agentctl.git.GitSnapshot;
import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The end of a worktree run, however it ended (finished, killed, timed out, lost): what the agent left
 * uncommitted is committed on the run's branch, so removing the worktree can never lose work, and the diff
 * stat is exactly base_commit..head_commit.
 */
final class WorktreeFinish {
    private WorktreeFinish() {}

    static void commitLeftovers(RunStore store, RunMeta m) {
        if (!m.isWorktree() || m.headCommit() != null || m.worktree() == null) return;
        String title = m.title() == null || m.title().isBlank() ? "agentctl run " + m.runId() : m.title() + " (agentctl run " + m.runId() + ")";
        Path project = Paths.get(m.projectDir());
        try {
            String head = Worktrees.commitLeftovers(project, Paths.get(m.worktree()), m.branch(), title,
                    store.dir(m.runId()).resolve("end.index"));
            m.recordHeadCommit(head);
            m.recordDiffStat(new GitSnapshot(project).diffStat(m.baseCommit(), head));
        } catch (RuntimeException e) {
            // The outcome still stands; the work is still in the worktree for the user to commit.
            m.recordWorktreeProblem("could not commit the run's leftovers on " + m.branch() + ": " + e.getMessage());
        }
    }
}
