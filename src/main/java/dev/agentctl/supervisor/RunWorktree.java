package dev.agentctl.supervisor;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Checks out a worktree run's worktree before its agent starts. `start` only made the run's branch (see
 * lifecycle.RunWorkplace), so that the checkout's cost falls here, after the run id was printed.
 */
final class RunWorktree {
    private RunWorktree() {}

    /** Null when the run works in a checkout that is there now; else why it cannot start. */
    static String ensure(RunStore store, RunMeta meta) {
        if (!meta.isWorktree() || meta.worktree() == null) return null;
        Path worktree = Paths.get(meta.worktree());
        if (Files.isDirectory(worktree)) return null;
        try {
            new Worktrees(store.workspace().repoLocksDir()).checkOut(Paths.get(meta.projectDir()),
                    new Worktrees.Created(worktree, Paths.get(meta.workDir()), meta.branch(), meta.baseCommit()));
            return null;
        } catch (AgentctlException e) {
            return "cannot create worktree " + worktree + ": " + e.getMessage();
        }
    }
}
