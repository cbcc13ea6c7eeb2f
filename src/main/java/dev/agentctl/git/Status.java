package dev.agentctl.git;

import java.util.LinkedHashSet;
import java.util.Set;

/** `git status` of a work tree, read with -z so that any file name comes through as it is. */
final class Status {
    private Status() {}

    /** Paths (from the top) with staged, unstaged or untracked changes; both names of a rename. */
    static Set<String> changedPaths(Git git) {
        String out = git.raw("status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=none");
        Set<String> paths = new LinkedHashSet<>();
        String[] parts = out.split("\0");
        for (int i = 0; i < parts.length; i++) {
            String entry = parts[i];
            if (entry.length() < 4) continue;
            paths.add(entry.substring(3));
            char x = entry.charAt(0);
            if (x == 'R' || x == 'C') {
                if (i + 1 < parts.length) paths.add(parts[++i]); // the source name follows a rename
            }
        }
        return paths;
    }
}
