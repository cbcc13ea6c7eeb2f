package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * `.worktreeinclude` at the top of a project: gitignore patterns naming untracked files (`.env`, local
 * configuration) that a run's worktree needs but git does not carry. They are copied in at the start and
 * never committed on the run's branch.
 */
public final class WorktreeInclude {
    public static final String FILE = ".worktreeinclude";

    private WorktreeInclude() {}

    /** Copies the files the project's .worktreeinclude matches from top into worktree (modes kept, links as links). */
    static void copy(Path top, Path worktree) {
        for (String rel : matches(top.resolve(FILE), top)) {
            Path from = top.resolve(rel);
            Path to = worktree.resolve(rel);
            try {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw AgentctlException.failed("cannot copy " + from + " (" + FILE + ") into the worktree: " + e.getMessage(), e);
            }
        }
    }

    /** Untracked files under dir that the patterns file matches, relative to dir's top; none without the file. */
    static List<String> matches(Path patterns, Path dir) {
        if (!Files.isRegularFile(patterns)) return List.of();
        Git git = new Git(dir);
        String out = git.raw("ls-files", "-z", "--others", "--ignored", "--full-name",
                "--exclude-from=" + patterns.toAbsolutePath(), "--", ":/");
        List<String> files = new ArrayList<>();
        for (String f : out.split("\0")) {
            if (!f.isEmpty()) files.add(f);
        }
        return files;
    }

    /** Untracked, non-ignored files of dir's work tree, from its top. */
    static List<String> untracked(Path dir) {
        List<String> files = new ArrayList<>();
        for (String f : new Git(dir).raw("ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", ":/").split("\0")) {
            if (!f.isEmpty()) files.add(f);
        }
        return files;
    }

    /** The patterns a worktree's leftovers are checked against: its own file, else the project's. */
    static Path patternsFor(Path worktree, Path projectTop) {
        Path own = worktree.resolve(FILE);
        return Files.isRegularFile(own) || projectTop == null ? own : projectTop.resolve(FILE);
    }
}
