package dev.agentctl.lifecycle;

import dev.agentctl.git.Worktrees;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.GroupStore;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The runs of a batch being submitted are made held (see {@link BatchLink.Hold}): the queue never launches
 * them, so a submission that fails part-way can take every one of them back as if it had never been made,
 * and one whose submitter died (kill -9) is ended by the queue instead of waiting forever.
 */
public final class HeldRuns {
    public static final String SUBMISSION_DIED = "batch submission did not complete";

    private final RunStore store;
    private final Config config;

    public HeldRuns(RunStore store, Config config) {
        this.store = store;
        this.config = config;
    }

    /** The process submitting the held run's batch has exited (a pid reused since does not count). */
    static boolean submitterGone(RunMeta m) {
        ProcessIdentity submitter = ProcessIdentity.of(m.num(RunMeta.HELD_BY_PID), m.num(RunMeta.HELD_BY_STARTED_AT_MS));
        return submitter == null || !submitter.isAlive();
    }

    /**
     * Removes runs made for a submission that failed, under the queue lock: each that never launched (held,
     * or ended before it started) goes with its directory, the worktree and branch made for it and its claim
     * on its group, and leaves the record of unfinished runs. Returns the ids it left (launched after all).
     */
    public List<RunId> discard(Collection<RunId> runIds) {
        ActiveRuns active = new ActiveRuns(store);
        return active.locked(() -> {
            List<RunId> left = new ArrayList<>();
            for (RunId id : runIds) {
                RunMeta m = store.readQuietly(id);
                if (m == null) continue;
                if (m.launchedAt() != null || m.str(RunMeta.STARTED_AT) != null) {
                    left.add(id);
                    continue;
                }
                removeWorkplace(m);
                store.deleteQuietly(id);
                if (m.group() != null) new GroupStore(store.workspace()).releaseRun(m.group());
            }
            active.unfinished(); // drops the deleted ids from the record
            return left;
        });
    }

    /** The worktree and branch the run's creation made (a fresh task's: named after the run); best effort. */
    private void removeWorkplace(RunMeta m) {
        if (!m.isWorktree() || m.worktree() == null) return;
        Path worktree = Paths.get(m.worktree());
        if (!worktree.equals(store.workspace().worktreesDir().resolve(m.runId().value()))) return;
        Path projectDir = Paths.get(m.projectDir());
        Worktrees worktrees = new Worktrees(store.workspace().repoLocksDir());
        try {
            worktrees.remove(projectDir, worktree);
            if ((config.branchPrefix() + m.runId()).equals(m.branch())) worktrees.deleteBranch(projectDir, m.branch());
        } catch (RuntimeException ignored) {
            // the submission's own error is the one to report; a leftover worktree shows in git worktree list
        }
    }
}
