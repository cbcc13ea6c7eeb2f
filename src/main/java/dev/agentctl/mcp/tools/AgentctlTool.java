package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.BadArgument;
import dev.agentctl.mcp.Tool;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.base.Durations;
import dev.agentctl.run.RunMeta;

/** What agentctl's tools share: their services, fixed description, and the way runs are rendered. */
abstract class AgentctlTool implements Tool {
    protected final Services services;
    private final String name;
    private final String description;
    private final JsonObject schema;
    private final boolean readOnly;

    AgentctlTool(Services services, String name, String description, JsonObject schema, boolean readOnly) {
        this.services = services;
        this.name = name;
        this.description = description;
        this.schema = schema;
        this.readOnly = readOnly;
    }

    @Override public String name() { return name; }
    @Override public String description() { return description; }
    @Override public JsonObject inputSchema() { return schema.deepCopy(); }
    @Override public boolean readOnly() { return readOnly; }

    /** A duration argument: a number of seconds, or text as the CLI takes it (120, 90s, 30m, 2h). */
    static Long durationSeconds(ToolArgs args, String name) {
        if (!args.has(name)) return null;
        if (args.json().get(name).isJsonPrimitive() && args.json().get(name).getAsJsonPrimitive().isNumber()) {
            return args.integer(name, 1);
        }
        String text = args.string(name);
        try {
            return Durations.parseSeconds(text, "argument '" + name + "'");
        } catch (RuntimeException e) {
            throw new BadArgument(e.getMessage());
        }
    }

    /** One line about a run, like list's: id, status/outcome, project, title. */
    static String line(RunMeta m) {
        String state = m.isFinished() ? m.outcome() : m.status();
        return m.runId() + " " + state + " proj=" + m.project() + (m.title() == null ? "" : " " + m.title());
    }
}
