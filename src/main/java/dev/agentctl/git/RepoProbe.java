package dev.agentctl.git;

import dev.agentctl.proc.ProcessRunner;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * What `start` needs to know about a project's repository, from one `git rev-parse` instead of one call per
 * question: each git process costs `start` several milliseconds, and start has a latency budget.
 *
 * @param top the top of the work tree
 * @param index the user's index file (a snapshot seeds its private index from it)
 * @param headCommit HEAD's commit, or null in a repository without commits
 * @param headTree HEAD's tree, or null in a repository without commits
 */
public record RepoProbe(Path top, Path index, String headCommit, String headTree) {
    /** The facts about the work tree dir lies in, or null when it lies in none (not a repository, or inside .git). */
    public static RepoProbe of(Path dir) {
        // In a repository without commits the last two fail, after the first three have been answered.
        ProcessRunner.Result r = new Git(dir).run(null, "rev-parse", "--is-inside-work-tree", "--path-format=absolute",
                "--show-toplevel", "--git-path", "index", "HEAD^{commit}", "HEAD^{tree}");
        List<String> lines = r.stdout().lines().toList();
        if (lines.size() < 3 || !lines.get(0).equals("true")) return null;
        boolean hasHead = r.ok() && lines.size() >= 5;
        return new RepoProbe(Paths.get(lines.get(1)), Paths.get(lines.get(2)), hasHead ? lines.get(3) : null,
                hasHead ? lines.get(4) : null);
    }
}
