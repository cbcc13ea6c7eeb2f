package dev.agentctl.mcp;

import java.util.List;

/** The MCP protocol versions this server speaks, newest first. */
public final class ProtocolVersions {
    public static final String NEWEST = "2025-11-25";
    /** What codex 0.169 sends. */
    public static final String JUNE_2025 = "2025-06-18";
    public static final List<String> SUPPORTED = List.of(NEWEST, JUNE_2025);

    private ProtocolVersions() {}

    /** The client's version when we speak it, else our newest (the client then decides whether to go on). */
    public static String negotiate(String requested) {
        return requested != null && SUPPORTED.contains(requested) ? requested : NEWEST;
    }
}
