package dev.agentctl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the codex binary the tests drive. Tests that need codex FAIL without it rather than skip, so a
 * machine missing codex cannot report a green build that tested nothing.
 */
public final class CodexBinary {
    public static final String VERSION = dev.agentctl.codex.CodexVersion.TESTED;
    /** The previous tested version, still checked by one turn and resume. */
    public static final String PREVIOUS_VERSION = dev.agentctl.codex.CodexVersion.PREVIOUS;
    public static final String ENV = "AGENTCTL_TEST_CODEX";

    private static String cached;

    private CodexBinary() {}

    /**
     * $AGENTCTL_TEST_CODEX, else a {@code codex} on PATH that reports version {@value #VERSION}, else the copy
     * install.sh puts under ${XDG_CACHE_HOME:-~/.cache}/agentctl.
     */
    public static synchronized String path() {
        if (cached == null) cached = find(System.getenv(), System.getProperty("user.home"));
        return cached;
    }

    static String find(Map<String, String> env, String userHome) {
        List<String> looked = new ArrayList<>();
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (!Files.isExecutable(Path.of(fromEnv))) {
                throw new AssertionError(ENV + "=" + fromEnv + " is not an executable file");
            }
            return fromEnv;
        }
        looked.add("$" + ENV + " (unset)");
        String onPath = env.get("PATH");
        if (onPath != null) {
            for (String dir : onPath.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, "codex");
                if (Files.isExecutable(candidate)) {
                    if (hasPinnedVersion(candidate)) return candidate.toString();
                    looked.add(candidate + " (not codex-cli " + VERSION + ")");
                }
            }
        }
        Path inCache = cacheDir(env, userHome).resolve("agentctl").resolve("codex-" + VERSION)
                .resolve("node_modules").resolve(".bin").resolve("codex");
        if (Files.isExecutable(inCache)) return inCache.toString();
        looked.add(inCache + " (missing)");
        throw new AssertionError("codex-cli " + VERSION + " not found; run ./install.sh --test (or set " + ENV
                + "). Looked at: " + String.join(", ", looked));
    }

    /** The previous codex version: $AGENTCTL_TEST_CODEX_PREVIOUS, else the copy install.sh --test caches. */
    public static String previous() {
        String fromEnv = System.getenv(ENV + "_PREVIOUS");
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        return inCache(PREVIOUS_VERSION);
    }

    /** The copy of version that install.sh --test puts into the cache; fails when it is missing. */
    public static String inCache(String version) {
        Path p = cacheDir(System.getenv(), System.getProperty("user.home")).resolve("agentctl").resolve("codex-" + version)
                .resolve("node_modules").resolve(".bin").resolve("codex");
        if (!Files.isExecutable(p)) throw new AssertionError("codex-cli " + version + " not found at " + p + "; run ./install.sh --test");
        return p.toString();
    }

    static Path cacheDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg);
        return Path.of(userHome, ".cache");
    }

    private static boolean hasPinnedVersion(Path codex) {
        Process p = null;
        try {
            Path out = Files.createTempFile("codex-version", ".txt");
            try {
                p = new ProcessBuilder(codex.toString(), "--version")
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(30, TimeUnit.SECONDS)) return false;
                String text = Files.readString(out, StandardCharsets.UTF_8);
                return p.exitValue() == 0 && text.lines().anyMatch(l -> l.trim().equals("codex-cli " + VERSION));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
