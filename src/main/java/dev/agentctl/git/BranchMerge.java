package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessRunner;
import dev.agentctl.store.FileLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a branch into the checkout's current branch without ever leaving a half merge: the result is worked
 * out first with `git merge-tree --write-tree` (objects only), refused on a conflict or on uncommitted changes
 * in files it would change, and only then applied to index and files with a two-tree `read-tree -m -u`, which
 * carries every other local change over (as switching branches does). HEAD moves last.
 */
public final class BranchMerge {
    public enum Mode { COMMIT, SQUASH, NO_COMMIT }

    /** commit: the new HEAD (null for NO_COMMIT); files: what changed in the checkout. */
    public record Result(String commit, boolean fastForward, List<String> files) {}

    /** The branch's work is already in the checkout's HEAD. */
    public static final class AlreadyMerged extends AgentctlException {
        AlreadyMerged(String message) {
            super(Kind.FAILED, message);
        }
    }

    private final Path lockDir;

    public BranchMerge(Path lockDir) {
        this.lockDir = lockDir;
    }

    public Result merge(Path checkoutDir, String branch, Mode mode, String message) {
        Git repo = new Git(checkoutDir);
        try (FileLock ignored = RepoLock.acquire(lockDir, repo)) {
            return mergeLocked(new Git(Path.of(repo.out("rev-parse", "--show-toplevel"))), branch, mode, message);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot unlock the repository: " + e.getMessage(), e);
        }
    }

    private Result mergeLocked(Git repo, String branch, Mode mode, String message) {
        String head = repo.commitOf("HEAD");
        if (head == null) throw AgentctlException.failed(repo.dir() + " has no commit to merge into");
        String tip = repo.commitOf("refs/heads/" + branch);
        if (tip == null) throw AgentctlException.failed("branch " + branch + " no longer exists in " + repo.dir());
        if (repo.run(null, "merge-base", "--is-ancestor", tip, head).ok()) {
            throw new AlreadyMerged("branch " + branch + " is already merged into " + current(repo) + "; nothing to merge");
        }
        String mergedTree = mergedTree(repo, head, tip, branch);
        List<String> files = new ArrayList<>();
        for (String f : repo.raw("diff", "--name-only", "--no-renames", "-z", head, mergedTree, "--").split("\0")) {
            if (!f.isEmpty()) files.add(f);
        }
        Set<String> dirty = new LinkedHashSet<>(Status.changedPaths(repo));
        dirty.retainAll(files);
        if (!dirty.isEmpty()) {
            throw AgentctlException.failed("the checkout " + repo.dir() + " has uncommitted changes in files the run touched: "
                    + String.join(", ", dirty) + " (commit or stash them first; nothing was changed)");
        }
        boolean fastForward = mode == Mode.COMMIT && repo.run(null, "merge-base", "--is-ancestor", head, tip).ok();
        String commit = switch (mode) {
            case COMMIT -> fastForward ? tip : repo.out(identity(repo), "commit-tree", mergedTree, "-p", head, "-p", tip, "-m", message);
            case SQUASH -> repo.out(identity(repo), "commit-tree", mergedTree, "-p", head, "-m", message);
            case NO_COMMIT -> null;
        };
        repo.run(null, "update-index", "-q", "--refresh"); // stale stat data would make read-tree refuse clean files
        // Checked in full before a file is written: on refusal index and files are as they were.
        repo.out("read-tree", "-m", "-u", head, commit != null ? commit : mergedTree);
        if (commit != null) repo.out("update-ref", "-m", "agentctl merge " + branch, "HEAD", commit, head);
        return new Result(commit, fastForward, files);
    }

    /** The tree of the merge, or a refusal naming the conflicting files. */
    private static String mergedTree(Git repo, String head, String tip, String branch) {
        String[] args = {"merge-tree", "--write-tree", "--name-only", "--no-messages", head, tip};
        ProcessRunner.Result r = repo.run(null, args);
        List<String> lines = Git.lines(r.stdout());
        if (r.exitCode() == 1 && !lines.isEmpty()) {
            Set<String> conflicts = new LinkedHashSet<>(lines.subList(1, lines.size()));
            throw AgentctlException.failed("merging " + branch + " would conflict in: " + String.join(", ", conflicts)
                    + " (the checkout is unchanged; merge it by hand with git merge " + branch + ")");
        }
        if (!r.ok() || lines.isEmpty()) throw repo.failure(r, args);
        return lines.get(0);
    }

    private static String current(Git repo) {
        String b = repo.outOrNull("symbolic-ref", "--quiet", "--short", "HEAD");
        return b == null ? "HEAD (detached)" : b;
    }

    /** The user's identity for their merge commit; agentctl's when git knows none. */
    private static Map<String, String> identity(Git repo) {
        return repo.run(null, "var", "GIT_COMMITTER_IDENT").ok() && repo.run(null, "var", "GIT_AUTHOR_IDENT").ok()
                ? null : Git.AGENTCTL_IDENTITY;
    }

    /** The name of the checkout's current branch, for messages. */
    public static String currentBranch(Path checkoutDir) {
        return current(new Git(checkoutDir));
    }
}
