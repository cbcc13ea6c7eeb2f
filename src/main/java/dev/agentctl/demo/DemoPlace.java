package dev.agentctl.demo;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo's own directory, holding its workspace, CODEX_HOME and project, plus the name of its private
 * tmux server. It lives under ${XDG_CACHE_HOME:-~/.cache}/agentctl (where install.sh keeps codex) rather
 * than /tmp: codex warns about PATH aliases for a CODEX_HOME under /tmp, and a per-user 0700 directory
 * keeps other users out of the runs. java.io.tmpdir is the fallback when the cache cannot be written.
 */
public final class DemoPlace {
    public static final String PREFIX = "demo-";
    public static final String SESSION = "agentctl-demo";

    public final Path base;
    public final Path home;
    public final Path codexHome;
    public final Path projects;
    /** Scratch files of the demo itself (prompts), outside the workspace. */
    public final Path scratch;
    public final String tmuxSocket;

    /** False when the place is a directory the caller gave (sandbox --dir): only its contents are removed. */
    private final boolean ownsBase;

    private DemoPlace(Path base, String id) {
        this(base, "agentctl-demo-" + id, true);
    }

    private DemoPlace(Path base, String tmuxSocket, boolean ownsBase) {
        this.ownsBase = ownsBase;
        this.base = base;
        this.home = base.resolve("home");
        this.codexHome = base.resolve("codex-home");
        this.projects = base.resolve("projects");
        this.scratch = base.resolve("scratch");
        this.tmuxSocket = tmuxSocket;
    }

    /**
     * A place in dir (the sandbox's --dir): created when missing, else it must be an empty directory, which is
     * then kept when the place is deleted. The tmux server is named after purpose and a random id.
     */
    public static DemoPlace at(Path dir, String purpose) {
        Path base = dir.toAbsolutePath().normalize();
        boolean created;
        try {
            if (Files.isDirectory(base)) {
                try (var entries = Files.list(base)) {
                    if (entries.findAny().isPresent()) {
                        throw AgentctlException.usage(base + " is not empty; give a new or empty directory");
                    }
                }
                created = false;
            } else if (Files.exists(base)) {
                throw AgentctlException.usage(base + " exists and is not a directory");
            } else {
                Files.createDirectories(base.getParent());
                Files.createDirectory(base, PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_DIR));
                created = true;
            }
            DemoPlace place = new DemoPlace(base.toRealPath(), "agentctl-" + purpose + "-" + randomId(), created);
            Files.createDirectories(place.codexHome);
            Files.createDirectories(place.projects);
            Files.createDirectories(place.scratch);
            return place;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create " + base + ": " + e.getMessage(), e);
        }
    }

    /** A fresh directory under the cache root, like the demo's, named PURPOSE-<id>. */
    public static DemoPlace create(Map<String, String> env, String purpose) {
        Path root = cacheRoot(env);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create " + root + ": " + e.getMessage(), e);
        }
        return at(root.resolve(purpose + "-" + randomId()), purpose);
    }

    /** Creates a fresh, empty demo directory. */
    public static DemoPlace create(Map<String, String> env) {
        String id = randomId();
        IOException firstError = null;
        for (Path root : new Path[] {cacheRoot(env), Paths.get(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(root);
                Path base = Files.createDirectory(root.resolve(PREFIX + id),
                        PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_DIR));
                DemoPlace place = new DemoPlace(base.toRealPath(), id);
                Files.createDirectories(place.codexHome);
                Files.createDirectories(place.projects);
                Files.createDirectories(place.scratch);
                return place;
            } catch (IOException e) {
                if (firstError == null) firstError = e;
            }
        }
        throw AgentctlException.failed("cannot create a demo directory under " + cacheRoot(env) + ": " + firstError, firstError);
    }

    /** ${XDG_CACHE_HOME:-$HOME/.cache}/agentctl */
    public static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) return Paths.get(xdg, "agentctl");
        String home = env.get("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return Paths.get(home, ".cache", "agentctl");
    }

    /**
     * Removes the whole directory; what cannot be removed is reported, not thrown. Retried for a few seconds:
     * a codex that was just stopped may still write its last lock file into CODEX_HOME.
     */
    public String delete() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                deleteTree();
                return null;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) return "could not remove " + base + " completely: " + e;
            }
            try {
                Thread.sleep(100); // a retry interval, bounded by the deadline above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while removing " + base;
            }
        }
    }

    private void deleteTree() throws IOException {
        if (!Files.exists(base)) return;
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) throw e;
                if (!ownsBase && dir.equals(base)) return FileVisitResult.CONTINUE; // the caller's directory stays
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }
}
