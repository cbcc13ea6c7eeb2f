package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tree snapshots of a project's working tree taken through a private index file, so that the diff between the
 * start and the end of a run covers edits, new untracked files and commits, while the user's index, stash and
 * refs stay untouched; with {@link #withPrivateObjects} not even an object is added to the project.
 */
public final class GitSnapshot {
    /** Variables that would point git at another repository, work tree or index than projectDir's. */
    private static final List<String> LOCATION_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX",
            "GIT_IMPLICIT_WORK_TREE", "GIT_NAMESPACE");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path projectDir;
    private final Duration timeout;
    /** Where snapshot objects go instead of the project's object store; null: the project's. */
    private final Path objectDir;

    public GitSnapshot(Path projectDir) {
        this(projectDir, DEFAULT_TIMEOUT);
    }

    public GitSnapshot(Path projectDir, Duration timeout) {
        this(projectDir, timeout, null);
    }

    private GitSnapshot(Path projectDir, Duration timeout, Path objectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.timeout = timeout;
        this.objectDir = objectDir == null ? null : objectDir.toAbsolutePath().normalize();
    }

    /**
     * The same snapshots, with every object they create (blobs of untracked files, trees) written to
     * objectDir, which reads the project's objects as an alternate: a project with 20,000 untracked
     * files gains no loose objects per run, and deleting objectDir removes every trace. Snapshot ids
     * are only resolvable through this instance (or objectDir) afterwards.
     */
    public GitSnapshot withPrivateObjects(Path objectDir) {
        return new GitSnapshot(projectDir, timeout, objectDir);
    }

    /** True when projectDir lies inside a git work tree (not a bare repo, not inside .git). */
    public boolean isRepository() {
        ProcessRunner.Result r = git(null, "rev-parse", "--is-inside-work-tree");
        return r.ok() && r.stdout().trim().equals("true");
    }

    /** The commit HEAD points at; null when there is none yet or projectDir is not in a repository. */
    public String headCommit() {
        ProcessRunner.Result r = git(null, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        return r.ok() ? r.stdout().trim() : null;
    }

    /**
     * Tree id of the whole working tree, untracked non-ignored files included, built in indexFile (overwritten;
     * left in place for the caller to delete). Returns null when projectDir is not in a work tree.
     *
     * @throws AgentctlException (failed) when git fails or times out
     */
    public String snapshot(Path indexFile) {
        return snapshot(indexFile, List.of());
    }

    /** As {@link #snapshot(Path)}, leaving out the given paths (relative to the top of the work tree). */
    public String snapshot(Path indexFile, List<String> excluded) {
        if (!isRepository()) {
            return null;
        }
        return snapshot(indexFile, userIndex(), excluded);
    }

    /**
     * As {@link #snapshot(Path, List)} in a directory known to be in a work tree whose index file is userIndex
     * (from a {@link RepoProbe}): two git calls fewer.
     */
    public String snapshot(Path indexFile, Path userIndex, List<String> excluded) {
        Path index = indexFile.toAbsolutePath();
        seedIndex(index, userIndex);
        Map<String, String> env = new HashMap<>(objects());
        env.put("GIT_INDEX_FILE", index.toString());
        // A split index would make git write sharedindex files into the user's .git; keep ours self-contained.
        List<String> add = new ArrayList<>(List.of("-c", "core.splitIndex=false", "add", "--all", "--", ":/"));
        excluded.forEach(path -> add.add(":(top,exclude,literal)" + path));
        checked(env, add.toArray(String[]::new));
        return checked(env, "write-tree").stdout().trim();
    }

    /**
     * `git diff --stat` between two tree (or commit) ids, trimmed; "" when they are equal, null when either id is
     * null (a snapshot that could not be taken).
     *
     * @throws AgentctlException (failed) when git fails or times out
     */
    public String diffStat(String fromTree, String toTree) {
        if (fromTree == null || toTree == null) {
            return null;
        }
        // Wide enough that long paths are not shortened to ".../name", with the usual 40-column graph;
        // --no-ext-diff and --no-color keep user configuration from changing the text we store.
        return checked(objects(), "diff", "--stat=200,160", "--stat-graph-width=40", "--no-color", "--no-ext-diff",
                fromTree, toTree, "--")
                .stdout().strip();
    }

    /** The patch (or with stat, the stat) between two snapshot ids, reading this instance's objects. */
    public String diff(String fromTree, String toTree, boolean stat) {
        return stat ? checked(objects(), "diff", "--stat=200,160", "--no-color", "--no-ext-diff", fromTree, toTree, "--").stdout()
                : checked(objects(), "diff", "--binary", "--no-color", "--no-ext-diff", fromTree, toTree, "--").stdout();
    }

    /**
     * Copying the user's index lets git add reuse its stat cache instead of hashing every file again, and keeps
     * sparse-checkout (skip-worktree) entries from looking deleted.
     */
    private void seedIndex(Path index, Path userIndex) {
        try {
            Files.deleteIfExists(index);
            if (userIndex != null && Files.isRegularFile(userIndex)) {
                Files.createDirectories(index.toAbsolutePath().getParent());
                Files.copy(userIndex, index, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot prepare snapshot index " + index + ": " + e.getMessage(), e);
        }
    }

    /** The user's index file, or null when git does not say. */
    private Path userIndex() {
        ProcessRunner.Result r = git(null, "rev-parse", "--path-format=absolute", "--git-path", "index");
        return r.ok() ? projectDir.resolve(r.stdout().trim()) : null;
    }

    /** The environment that points git at the private object directory, if any; empty otherwise. */
    private Map<String, String> objects() {
        if (objectDir == null) return Map.of();
        ProcessRunner.Result r = git(null, "rev-parse", "--path-format=absolute", "--git-path", "objects");
        if (!r.ok()) throw AgentctlException.failed("cannot find the object store of " + projectDir + ": " + firstLine(r.stderr().strip()));
        try {
            Files.createDirectories(objectDir);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create " + objectDir + ": " + e.getMessage(), e);
        }
        return Map.of("GIT_OBJECT_DIRECTORY", objectDir.toString(),
                "GIT_ALTERNATE_OBJECT_DIRECTORIES", projectDir.resolve(r.stdout().trim()).toString());
    }

    private ProcessRunner.Result checked(Map<String, String> env, String... args) {
        ProcessRunner.Result r = git(env, args);
        if (!r.ok()) {
            String err = r.stderr().strip();
            throw AgentctlException.failed("git " + String.join(" ", args) + " failed in " + projectDir
                    + (err.isEmpty() ? " (exit " + r.exitCode() + ")" : ": " + firstLine(err)));
        }
        return r;
    }

    private ProcessRunner.Result git(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", projectDir.toString(), "-c", "core.quotepath=off"));
        argv.addAll(Arrays.asList(args));
        return ProcessRunner.run(argv, null, environment(env), timeout); // -C, not cwd: a missing dir is "not a repo"
    }

    /** Changes to our environment for a git call: location variables removed (null), then env applied. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> extra = new HashMap<>();
        LOCATION_VARIABLES.forEach(v -> extra.put(v, null));
        extra.put("GIT_OPTIONAL_LOCKS", "0"); // never take the user's index.lock for a read-only refresh
        extra.put("GIT_TERMINAL_PROMPT", "0");
        if (env != null) {
            extra.putAll(env);
        }
        return extra;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
