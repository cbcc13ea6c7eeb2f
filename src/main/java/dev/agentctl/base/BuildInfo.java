package dev.agentctl.base;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What Maven filtered into agentctl-version.properties from pom.xml: agentctl's version and the tested agent versions. */
public final class BuildInfo {
    private static volatile Properties loaded;

    private BuildInfo() {}

    public static String version() {
        return properties().getProperty("version", "unknown");
    }

    /** The codex version the test suite runs against (pom.xml's codex.version). */
    public static String testedCodexVersion() {
        return properties().getProperty("codex", "unknown");
    }

    /** The earlier codex version the test suite still runs (pom.xml's codex.previous.version). */
    public static String previousCodexVersion() {
        return properties().getProperty("codex.previous", "unknown");
    }

    /** The Claude Code version the test suite runs against (pom.xml's claude.version). */
    public static String testedClaudeVersion() {
        return properties().getProperty("claude", "unknown");
    }

    private static Properties properties() {
        Properties p = loaded;
        if (p == null) {
            p = new Properties();
            try (InputStream in = BuildInfo.class.getResourceAsStream("/agentctl-version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException ignored) {
                // fall through to "unknown"
            }
            loaded = p;
        }
        return p;
    }
}
