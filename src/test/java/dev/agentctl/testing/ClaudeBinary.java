package dev.agentctl.testing;

import dev.agentctl.claude.ClaudeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the Claude Code binary the tests drive: $AGENTCTL_TEST_CLAUDE, else the copy install.sh --test puts
 * under ${XDG_CACHE_HOME:-~/.cache}/agentctl/claude-VERSION. Tests that need it FAIL without it, never skip.
 */
public final class ClaudeBinary {
    public static final String VERSION = ClaudeBackend.TESTED_VERSION;
    public static final String ENV = "AGENTCTL_TEST_CLAUDE";

    private ClaudeBinary() {}

    public static String path() {
        return find(System.getenv(), System.getProperty("user.home"));
    }

    static String find(Map<String, String> env, String userHome) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (!Files.isExecutable(Path.of(fromEnv))) throw new AssertionError(ENV + "=" + fromEnv + " is not an executable file");
            return fromEnv;
        }
        Path inCache = CodexBinary.cacheDir(env, userHome).resolve("agentctl").resolve("claude-" + VERSION)
                .resolve("node_modules").resolve(".bin").resolve("claude");
        if (Files.isExecutable(inCache)) return inCache.toString();
        throw new AssertionError("Claude Code " + VERSION + " not found; run ./install.sh --test (or set " + ENV
                + "). Looked at: $" + ENV + " (unset), " + inCache + " (missing)");
    }
}
