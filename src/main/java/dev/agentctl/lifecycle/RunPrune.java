package dev.agentctl.lifecycle;

import dev.agentctl.git.Worktrees;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * `prune`: finished runs older than a given age, beyond the newest N, go with their worktrees; their branches
 * go when merged, and stay (reported) while they hold work no other branch has, unless forced. Queued and
 * running runs are never touched. The plan is made first, so a dry run reports exactly what a real one does.
 */
public final class RunPrune {
    /** One run to remove; keptBranch: why its branch stays (null when it goes, or there is none). */
    public record Item(RunMeta run, String worktree, String branch, String keptBranch) {}

    private final RunStore store;

    public RunPrune(RunStore store) {
        this.store = store;
    }

    public List<Item> plan(long olderThanSeconds, int keep, boolean force) {
        List<RunMeta> finished = new ArrayList<>();
        for (RunId id : store.ids()) {
            RunMeta m = store.readQuietly(id);
            if (m != null && m.isFinished() && id.equals(m.runId())) finished.add(m);
        }
        finished.sort(Comparator.comparing((RunMeta m) -> m.createdAt() == null ? "" : m.createdAt()).reversed());
        Instant cutoff = Instant.now().minusSeconds(olderThanSeconds);
        List<Item> items = new ArrayList<>();
        for (RunMeta m : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            if (!endedBefore(m, cutoff)) continue;
            items.add(item(m, force));
        }
        return items;
    }

    private static Item item(RunMeta m, boolean force) {
        if (!m.isWorktree() || m.branch() == null || m.str(RunMeta.DISCARDED_AT) != null) return new Item(m, null, null, null);
        Path project = m.projectDir() == null ? null : Paths.get(m.projectDir());
        if (project == null || !Files.isDirectory(project)) {
            // Without its repository the worktree's files are the only copy of the work: they stay.
            return new Item(m, null, m.branch(), "the project directory " + project + " is gone; worktree " + m.worktree() + " kept");
        }
        String unsaved = force ? null : RunDiscard.unsavedWork(m, project, Paths.get(m.worktree()));
        return new Item(m, m.worktree(), m.branch(), unsaved);
    }

    /** Carries the plan out; each run's outcome is reported to done (a failure is reported and the rest go on). */
    public void apply(List<Item> items, Consumer<String> problems) {
        Worktrees worktrees = new Worktrees(store.workspace().repoLocksDir());
        Set<Path> projects = new LinkedHashSet<>();
        for (Item it : items) {
            RunMeta m = it.run();
            try {
                if (it.worktree() != null) {
                    Path project = Paths.get(m.projectDir());
                    projects.add(project);
                    // Whatever is still uncommitted goes onto the branch first: removing the worktree loses nothing.
                    Worktrees.commitLeftovers(project, Paths.get(it.worktree()), it.branch(), "agentctl run " + m.runId()
                            + " (committed by prune)", store.dir(m.runId()).resolve("prune.index"));
                    worktrees.remove(project, Paths.get(it.worktree()));
                    if (it.keptBranch() == null) worktrees.deleteBranch(project, it.branch());
                } else if (it.keptBranch() != null) {
                    continue; // the worktree could not be removed safely: the run stays listed
                }
                store.deleteQuietly(m.runId());
            } catch (RuntimeException e) {
                problems.accept("run " + m.runId() + ": " + e.getMessage());
            }
        }
        for (Path p : projects) {
            try {
                worktrees.prune(p);
            } catch (RuntimeException e) {
                problems.accept("git worktree prune in " + p + ": " + e.getMessage());
            }
        }
    }

    private static boolean endedBefore(RunMeta m, Instant cutoff) {
        String t = m.str(RunMeta.ENDED_AT) != null ? m.str(RunMeta.ENDED_AT) : m.createdAt();
        try {
            return t != null && Instant.parse(t).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false; // an unreadable time never makes a run old enough to delete
        }
    }
}
