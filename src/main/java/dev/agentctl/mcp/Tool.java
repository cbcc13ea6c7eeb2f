package dev.agentctl.mcp;

import com.google.gson.JsonObject;

/**
 * One MCP tool. A call's bad arguments are a {@link BadArgument}; any other exception becomes a result
 * with isError and its message, so a tool can never take the server down.
 */
public interface Tool {
    String name();

    String description();

    /** JSON Schema of the arguments (an object schema). */
    JsonObject inputSchema();

    /** Reads only: annotated readOnlyHint, so clients may call it without asking. */
    boolean readOnly();

    ToolResult call(ToolArgs args, CallContext context) throws Exception;

    default JsonObject descriptor() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name());
        o.addProperty("description", description());
        o.add("inputSchema", inputSchema());
        JsonObject annotations = new JsonObject();
        annotations.addProperty("readOnlyHint", readOnly());
        if (!readOnly()) annotations.addProperty("openWorldHint", false);
        o.add("annotations", annotations);
        return o;
    }
}
