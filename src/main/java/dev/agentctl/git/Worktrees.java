package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessRunner;
import dev.agentctl.store.FileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * A run's own git worktree and branch: made from what the user sees now (or a given commit), the agent's
 * leftovers committed at the end, removed again. The user's checkout, index, stash, HEAD and branches are
 * never touched: the start state is built in a private index and committed with commit-tree, and the only
 * ref written in the user's repository is the run's new branch.
 */
public final class Worktrees {
    /** A worktree made for a run; workDir is the project's directory inside it (a subdirectory in a monorepo). */
    public record Created(Path worktree, Path workDir, String branch, String baseCommit) {}

    /** The project is a repository without a commit yet: there is nothing a worktree could be made from. */
    public static final class NoCommits extends AgentctlException {
        NoCommits(Path dir) {
            super(Kind.FAILED, "the repository at " + dir + " has no commits yet");
        }
    }

    private final Path lockDir;

    /** @param lockDir where the per-repository lock files live (see {@link RepoLock}) */
    public Worktrees(Path lockDir) {
        this.lockDir = lockDir;
    }

    /**
     * Makes worktree on a new branch: {@link #plan} then {@link #checkOut}.
     *
     * @throws NoCommits when baseRef is null and HEAD has no commit
     * @throws AgentctlException (usage) for a baseRef that names no commit; (failed) when git fails
     */
    public Created create(Path projectDir, Path worktree, String branch, String baseRef, Path scratchIndex, String runId) {
        RepoProbe repo = RepoProbe.of(projectDir);
        if (repo == null) throw AgentctlException.failed(projectDir + " is not inside a git work tree");
        Created c = plan(repo, projectDir, worktree, branch, baseRef, scratchIndex, runId);
        checkOut(projectDir, c);
        return c;
    }

    /**
     * The part of making a run's worktree that must happen at start: its base (baseRef null: the project's HEAD plus
     * its uncommitted tracked changes and untracked, non-ignored files, as one extra commit by agentctl when there are
     * any; else that commit, clean) and the new branch on it. The checkout itself ({@link #checkOut}) is left to the
     * run's supervisor, off start's latency. scratchIndex is a private index file (deleted after).
     *
     * @throws NoCommits when baseRef is null and HEAD has no commit
     * @throws AgentctlException (usage) for a baseRef that names no commit; (failed) when git fails or the branch exists
     */
    public Created plan(RepoProbe repo, Path projectDir, Path worktree, String branch, String baseRef, Path scratchIndex,
            String runId) {
        Git project = new Git(projectDir);
        String base = baseRef != null ? baseCommit(project, baseRef) : snapshotCommit(repo, scratchIndex, runId);
        // An empty old value makes update-ref create the branch only if it does not exist: no check-then-create race.
        ProcessRunner.Result r = project.run(null, "update-ref", "-m", "agentctl: branch of run " + runId,
                "refs/heads/" + branch, base, "");
        if (!r.ok()) {
            if (project.branchExists(branch)) throw AgentctlException.failed("branch " + branch + " already exists in " + repo.top());
            throw project.failure(r, "update-ref");
        }
        Path workDir = worktree.resolve(repo.top().relativize(realPath(projectDir))).normalize();
        return new Created(worktree, workDir, branch, base);
    }

    /** Checks out a planned worktree on its branch, with the files .worktreeinclude names copied in. */
    public void checkOut(Path projectDir, Created c) {
        recreate(projectDir, c.worktree(), c.branch());
        try {
            Files.createDirectories(c.workDir()); // a project directory git has no file of (empty, or ignored)
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create " + c.workDir() + ": " + e.getMessage(), e);
        }
    }

    /** Puts a removed worktree back, on its existing branch (resume of a run whose worktree was pruned). */
    public void recreate(Path projectDir, Path worktree, String branch) {
        Git project = new Git(projectDir);
        try (FileLock ignored = RepoLock.acquire(lockDir, project)) {
            if (!project.branchExists(branch)) {
                throw AgentctlException.usage("branch " + branch + " no longer exists (the run was discarded)");
            }
            project.out("worktree", "prune");
            Files.createDirectories(worktree.getParent());
            project.out("worktree", "add", "--quiet", worktree.toString(), branch);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create worktree " + worktree + ": " + e.getMessage(), e);
        }
        WorktreeInclude.copy(Paths.get(project.out("rev-parse", "--show-toplevel")), worktree);
    }

    /**
     * Commits whatever the agent left uncommitted in the worktree (files .worktreeinclude brought in stay out)
     * on top of its HEAD, as agentctl; the agent's own commits stay as they are. Returns the branch tip after.
     */
    public static String commitLeftovers(Path projectDir, Path worktree, String branch, String message, Path scratchIndex) {
        if (!Files.isDirectory(worktree)) return new Git(projectDir).commitOf("refs/heads/" + branch);
        Git wt = new Git(worktree);
        String head = wt.commitOf("HEAD");
        try {
            String tree = new GitSnapshot(worktree).snapshot(scratchIndex, localFiles(projectDir, worktree));
            if (head != null && !tree.equals(wt.out("rev-parse", "HEAD^{tree}"))) {
                String commit = wt.out(Git.AGENTCTL_IDENTITY, "commit-tree", tree, "-p", head, "-m", message);
                wt.out("update-ref", "-m", "agentctl: leftovers of the run", "HEAD", commit, head);
                wt.run(null, "reset", "--quiet"); // the worktree's index follows its new HEAD; best effort
            }
        } finally {
            deleteQuietly(scratchIndex);
        }
        return wt.commitOf("refs/heads/" + branch);
    }

    /** Removes the worktree (its files: the branch keeps the work) and prunes stale entries. */
    public void remove(Path projectDir, Path worktree) {
        Git project = new Git(projectDir);
        try (FileLock ignored = RepoLock.acquire(lockDir, project)) {
            if (Files.exists(worktree)) project.out("worktree", "remove", "--force", "--force", worktree.toString());
            project.out("worktree", "prune");
        } catch (IOException e) {
            throw AgentctlException.failed("cannot unlock the repository: " + e.getMessage(), e);
        }
    }

    public void deleteBranch(Path projectDir, String branch) {
        Git project = new Git(projectDir);
        try (FileLock ignored = RepoLock.acquire(lockDir, project)) {
            if (project.branchExists(branch)) project.out("branch", "-D", "--", branch);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot unlock the repository: " + e.getMessage(), e);
        }
    }

    public void prune(Path projectDir) {
        Git project = new Git(projectDir);
        try (FileLock ignored = RepoLock.acquire(lockDir, project)) {
            project.out("worktree", "prune");
        } catch (IOException e) {
            throw AgentctlException.failed("cannot unlock the repository: " + e.getMessage(), e);
        }
    }

    /** Commits on branch after base that no other branch has: work that deleting the branch would lose. */
    public static int unmergedCommits(Path projectDir, String branch, String base) {
        Git project = new Git(projectDir);
        if (!project.branchExists(branch)) return 0;
        String count = base == null || project.commitOf(base) == null
                ? project.out("rev-list", "--count", "refs/heads/" + branch, "--not", "--exclude=" + branch, "--branches")
                : project.out("rev-list", "--count", "refs/heads/" + branch, "^" + base, "--not",
                        "--exclude=" + branch, "--branches");
        return Integer.parseInt(count);
    }

    /** Whether the worktree has changes not committed on its branch (ignored files do not count). */
    public static boolean hasUncommittedWork(Path projectDir, Path worktree) {
        if (!Files.isDirectory(worktree)) return false;
        List<String> local = localFiles(projectDir, worktree);
        for (String path : Status.changedPaths(new Git(worktree))) {
            if (!local.contains(path)) return true;
        }
        return false;
    }

    /** The worktree's files .worktreeinclude brought in: local to it, never the run's work. */
    private static List<String> localFiles(Path projectDir, Path worktree) {
        Path top = Files.isDirectory(projectDir) ? Paths.get(new Git(projectDir).out("rev-parse", "--show-toplevel")) : null;
        List<String> local = new java.util.ArrayList<>(WorktreeInclude.matches(WorktreeInclude.patternsFor(worktree, top), worktree));
        if (!local.isEmpty()) local.retainAll(WorktreeInclude.untracked(worktree)); // ignored ones git leaves out anyway
        return local;
    }

    private static String baseCommit(Git project, String ref) {
        String commit = ref.startsWith("-") ? null : project.commitOf(ref);
        if (commit == null) throw AgentctlException.usage("--base '" + ref + "' names no commit in " + project.dir());
        return commit;
    }

    private static String snapshotCommit(RepoProbe repo, Path scratchIndex, String runId) {
        if (repo.headCommit() == null) throw new NoCommits(repo.top());
        try {
            String tree = new GitSnapshot(repo.top()).snapshot(scratchIndex, repo.index(), List.of());
            if (tree.equals(repo.headTree())) return repo.headCommit();
            return new Git(repo.top()).out(Git.AGENTCTL_IDENTITY, "commit-tree", tree, "-p", repo.headCommit(), "-m",
                    "agentctl: the working tree as run " + runId + " started from it (uncommitted changes included)");
        } finally {
            deleteQuietly(scratchIndex);
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale private index in the run directory harms nothing
        }
    }
}
