package dev.agentctl.git;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.FileLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One lock file per repository (named after its common git directory, so every worktree of it shares the lock)
 * in a directory of the workspace. agentctl's git operations that race on one repository — `worktree add`
 * and `remove` (the worktrees/ directory), branch creation and deletion, a merge into the checkout — hold it.
 */
public final class RepoLock {
    private RepoLock() {}

    public static FileLock acquire(Path lockDir, Git repo) {
        String common = repo.out("rev-parse", "--path-format=absolute", "--git-common-dir");
        try {
            Files.createDirectories(lockDir);
            return FileLock.acquire(lockDir.resolve(key(common) + ".lock"));
        } catch (IOException e) {
            throw AgentctlException.failed("cannot lock the repository " + common + ": " + e.getMessage(), e);
        }
    }

    static String key(String commonDir) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(commonDir.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) sb.append(String.format("%02x", d[i]));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
