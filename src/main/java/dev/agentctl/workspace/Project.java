package dev.agentctl.workspace;

import java.nio.file.Path;

/**
 * A registered project, or an unregistered directory used as a project (name = its file name).
 *
 * @param isolation     "worktree", "shared", or null for the config's default
 * @param worktreeSetup a shell command run in each new worktree before codex, or null
 */
public record Project(String name, Path dir, String defaultProfile, String isolation, String worktreeSetup) {
    public Project(String name, Path dir, String defaultProfile) {
        this(name, dir, defaultProfile, null, null);
    }
}
