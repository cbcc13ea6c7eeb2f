package dev.agentctl.offline;

import java.util.Optional;

/**
 * Prompt markers that steer the offline model: {@code [[mock:NAME]]} picks a {@link Scenario},
 * {@code [[mock-cmd:CMD]]} the command it asks codex to run, {@code [[mock-delay:SECONDS]]} how long
 * {@link Scenario#SLOW} waits. A value runs up to the first {@code ]]}.
 */
public final class Markers {
    public static final String SCENARIO = "mock";
    public static final String COMMAND = "mock-cmd";
    public static final String DELAY = "mock-delay";
    public static final String MCP_TOOL = "mock-mcp-tool";
    public static final String MCP_ARGS = "mock-mcp-args";

    private Markers() {}

    public static String scenario(Scenario scenario) {
        return marker(SCENARIO, scenario.markerName());
    }

    /** The command must not contain {@code ]]}, which would end the marker early. */
    public static String command(String cmd) {
        if (cmd.contains("]]")) throw new IllegalArgumentException("a mock command cannot contain ']]': " + cmd);
        return marker(COMMAND, cmd);
    }

    public static String delay(int seconds) {
        return marker(DELAY, Integer.toString(seconds));
    }

    /** Markers that make the model call tool of MCP server with arguments (a JSON object without {@code ]]}). */
    public static String mcpCall(String server, String tool, String argumentsJson) {
        if (argumentsJson.contains("]]")) throw new IllegalArgumentException("MCP arguments cannot contain ']]': " + argumentsJson);
        return scenario(Scenario.MCP_TOOL) + marker(MCP_TOOL, server + "/" + tool) + marker(MCP_ARGS, argumentsJson);
    }

    /** The value of the last {@code [[name:VALUE]]} in text; a message may repeat a marker, the last one wins. */
    public static Optional<String> find(String text, String name) {
        if (text == null) return Optional.empty();
        String open = "[[" + name + ":";
        int start = text.lastIndexOf(open);
        if (start < 0) return Optional.empty();
        int from = start + open.length();
        int end = text.indexOf("]]", from);
        if (end < 0) return Optional.empty();
        return Optional.of(text.substring(from, end).trim());
    }

    private static String marker(String name, String value) {
        return "[[" + name + ":" + value + "]]";
    }
}
