package dev.agentctl.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the official MCP TypeScript SDK the MCP tests drive agentctl with: $AGENTCTL_TEST_MCP_SDK, else
 * the copy install.sh --test puts under ${XDG_CACHE_HOME:-~/.cache}/agentctl/mcp-sdk-VERSION. Tests
 * FAIL without it rather than skip, as with codex ({@link CodexBinary}).
 */
public final class McpSdk {
    /** Spelled once, in pom.xml (mcp.sdk.version), which hands it to the ITs; install.sh reads it there too. */
    public static final String VERSION = System.getProperty("agentctl.mcp.sdk.version", "unset: run through mvn verify");
    public static final String ENV = "AGENTCTL_TEST_MCP_SDK";

    private McpSdk() {}

    /** A directory holding node_modules/@modelcontextprotocol/sdk. */
    public static Path dir() {
        return find(System.getenv(), System.getProperty("user.home"));
    }

    static Path find(Map<String, String> env, String userHome) {
        String fromEnv = env.get(ENV);
        Path dir;
        if (fromEnv != null && !fromEnv.isBlank()) {
            dir = Path.of(fromEnv);
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".cache");
            dir = cache.resolve("agentctl").resolve("mcp-sdk-" + VERSION);
        }
        Path pkg = dir.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        if (!Files.isRegularFile(pkg)) {
            throw new AssertionError("the MCP TypeScript SDK is not at " + dir + "; run ./install.sh --test (or set " + ENV + ")");
        }
        return dir;
    }
}
