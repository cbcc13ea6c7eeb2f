package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Tool;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;

/**
 * A tool whose interface is settled but whose feature agentctl does not have yet. It is not served
 * (a tool that can only fail wastes an agent's turns); wiring it is one class replacing it in
 * {@link AgentctlTools}. Called anyway, it says what is missing instead of pretending.
 */
final class PendingTool implements Tool {
    private final String name;
    private final String description;
    private final JsonObject schema;
    private final boolean readOnly;
    private final String missing;

    PendingTool(String name, String description, JsonObject schema, boolean readOnly, String missing) {
        this.name = name;
        this.description = description;
        this.schema = schema;
        this.readOnly = readOnly;
        this.missing = missing;
    }

    @Override public String name() { return name; }
    @Override public String description() { return description; }
    @Override public JsonObject inputSchema() { return schema.deepCopy(); }
    @Override public boolean readOnly() { return readOnly; }

    /** What the tool needs that agentctl lacks. */
    String missing() { return missing; }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) {
        return ToolResult.error(name + " is not available in this agentctl yet: it needs " + missing + ".");
    }
}
