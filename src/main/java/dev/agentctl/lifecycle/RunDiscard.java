package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.nio.file.Path;
import java.nio.file.Paths;

/** `discard`: removes a finished worktree run's worktree and branch; work that is nowhere else needs --force. */
public final class RunDiscard {
    private final RunStore store;
    private final Reconciler reconciler;

    public RunDiscard(RunStore store, Reconciler reconciler) {
        this.store = store;
        this.reconciler = reconciler;
    }

    public RunMeta discard(RunId runId, boolean force) {
        RunMeta m = reconciler.reconcile(store.read(runId));
        RunWorkCheck.worktreeRun(m, "discard");
        RunWorkCheck.finished(m, "discard");
        RunWorkCheck.notDiscarded(m);
        Path project = RunWorkCheck.projectDir(m);
        Path worktree = Paths.get(m.worktree());
        if (!force) {
            String lost = unsavedWork(m, project, worktree);
            if (lost != null) throw AgentctlException.failed(lost + " (merge it first, or discard --force to drop it)");
        }
        Worktrees worktrees = new Worktrees(store.workspace().repoLocksDir());
        worktrees.remove(project, worktree);
        worktrees.deleteBranch(project, m.branch());
        return store.update(runId, x -> {
            x.recordDiscarded();
            return true;
        });
    }

    /** What removing the run's worktree and branch would lose, or null when nothing. */
    static String unsavedWork(RunMeta m, Path project, Path worktree) {
        if (Worktrees.hasUncommittedWork(project, worktree)) {
            return "the worktree " + worktree + " has uncommitted changes";
        }
        // After a merge only what came later counts; before it, everything after the branch's start.
        String since = m.str(RunMeta.MERGED_AT) != null && m.headCommit() != null ? m.headCommit() : m.baseCommit();
        int n = Worktrees.unmergedCommits(project, m.branch(), since);
        return n == 0 ? null : "branch " + m.branch() + " has " + n + " commit" + (n == 1 ? "" : "s") + " that no other branch has";
    }
}
