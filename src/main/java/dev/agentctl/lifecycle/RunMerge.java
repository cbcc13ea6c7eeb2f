package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.BranchMerge;
import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.nio.file.Path;
import java.nio.file.Paths;

/** `merge`: a finished worktree run's branch into the project's current branch, recorded in the run's meta. */
public final class RunMerge {
    /** into: the branch (or detached HEAD) the work went into. */
    public record Merged(RunMeta run, String into, BranchMerge.Result result) {}

    private final RunStore store;
    private final Reconciler reconciler;

    public RunMerge(RunStore store, Reconciler reconciler) {
        this.store = store;
        this.reconciler = reconciler;
    }

    public Merged merge(RunId runId, BranchMerge.Mode mode) {
        RunMeta m = reconciler.reconcile(store.read(runId));
        RunWorkCheck.worktreeRun(m, "merge");
        RunWorkCheck.finished(m, "merge");
        RunWorkCheck.notDiscarded(m);
        if (m.str(RunMeta.MERGED_AT) != null) {
            throw AgentctlException.failed("run " + runId + " was already merged at " + m.str(RunMeta.MERGED_AT)
                    + (m.str(RunMeta.MERGE_COMMIT) == null ? "" : " (" + m.str(RunMeta.MERGE_COMMIT) + ")"));
        }
        Path project = RunWorkCheck.projectDir(m);
        if (m.worktree() != null && Worktrees.hasUncommittedWork(project, Paths.get(m.worktree()))) {
            throw AgentctlException.failed("the worktree " + m.worktree() + " has uncommitted changes that are not on branch "
                    + m.branch() + "; commit them there first");
        }
        String title = m.title() == null || m.title().isBlank() ? "" : ": " + m.title();
        String message = mode == BranchMerge.Mode.SQUASH
                ? "agentctl run " + runId + title + "\n\nSquashed from branch " + m.branch() + "."
                : "Merge agentctl run " + runId + title + " (branch " + m.branch() + ")";
        String into = BranchMerge.currentBranch(project);
        BranchMerge.Result r = new BranchMerge(store.workspace().repoLocksDir()).merge(project, m.branch(), mode, message);
        RunMeta after = store.update(runId, x -> {
            x.recordMerged(r.commit());
            return true;
        });
        return new Merged(after, into, r);
    }
}
