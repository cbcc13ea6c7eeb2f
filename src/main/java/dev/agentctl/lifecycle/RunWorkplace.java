package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.Git;
import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where a new run works: the project's checkout (shared), or a worktree of its own under the workspace on the
 * branch branch_prefix + run id; a resume continues in its parent's worktree and branch, recreated from the
 * branch if the worktree was removed. What start made is taken back by {@link #undo} when the start fails.
 */
final class RunWorkplace {
    /** codex's directory; what meta records about it; whether start created the worktree (undo removes it). */
    record Place(Path workDir, java.util.function.Consumer<RunMeta> record, Path createdWorktree, String createdBranch) {}

    private final RunStore store;
    private final Config config;
    private final Worktrees worktrees;

    RunWorkplace(RunStore store, Config config) {
        this.store = store;
        this.config = config;
        this.worktrees = new Worktrees(store.workspace().repoLocksDir());
    }

    Place prepare(RunId runId, RunRequest req, IsolationChoice.Isolation isolation) {
        Path projectDir = req.project().dir();
        if (!isolation.worktree()) return new Place(projectDir, RunMeta::runShared, null, null);
        if (req.parent() != null) return continueParent(req.parent(), projectDir);
        Path dir = store.workspace().worktreesDir().resolve(runId.value());
        String branch = config.branchPrefix() + runId;
        String setup = req.project().worktreeSetup();
        if (setup != null) config.worktreeSetupTimeoutSeconds(); // checked while the user is there to see it
        // The branch now; the checkout by the run's supervisor (see supervisor.RunWorktree), off start's latency.
        Worktrees.Created c = worktrees.plan(isolation.repo(), projectDir, dir, branch, req.baseRef(),
                store.dir(runId).resolve("start.index"), runId.value());
        return new Place(c.workDir(), m -> m.runInWorktree(c.worktree().toString(), c.workDir().toString(), c.branch(),
                c.baseCommit(), setup), null, c.branch());
    }

    private Place continueParent(RunMeta parent, Path projectDir) {
        Path dir = Paths.get(parent.worktree());
        String setup = null;
        Path created = null;
        if (!Files.isDirectory(dir)) {
            worktrees.recreate(projectDir, dir, parent.branch());
            setup = parent.str(RunMeta.WORKTREE_SETUP); // a new checkout needs what the first one needed
            created = dir;
        }
        String tip = new Git(projectDir).commitOf("refs/heads/" + parent.branch());
        if (tip == null) throw AgentctlException.usage("branch " + parent.branch() + " of run " + parent.runId() + " no longer exists");
        Path workDir = Paths.get(parent.workDir());
        String s = setup;
        return new Place(workDir, m -> m.runInWorktree(dir.toString(), workDir.toString(), parent.branch(), tip, s), created, null);
    }

    /** Removes what prepare made (a failed start leaves nothing behind); the branch only when start created it. */
    void undo(Place place, Path projectDir) {
        if (place == null || place.createdWorktree() == null && place.createdBranch() == null) return;
        try {
            if (place.createdWorktree() != null) worktrees.remove(projectDir, place.createdWorktree());
            if (place.createdBranch() != null) worktrees.deleteBranch(projectDir, place.createdBranch());
        } catch (RuntimeException ignored) {
            // best effort: the start's own error is what the user needs to see
        }
    }
}
