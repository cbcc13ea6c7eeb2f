package dev.agentctl.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each MCP method answers. Stateless apart from the tools and resources it serves. */
public final class McpMethods {
    /** MCP's code for a resources/read of a URI nobody serves. */
    public static final int RESOURCE_NOT_FOUND = -32002;

    private final String serverName;
    private final String serverVersion;
    private final String instructions;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Resources resources;

    public McpMethods(String serverName, String serverVersion, String instructions, List<Tool> tools, Resources resources) {
        this.serverName = serverName;
        this.serverVersion = serverVersion;
        this.instructions = instructions;
        for (Tool t : tools) {
            if (this.tools.put(t.name(), t) != null) throw new IllegalArgumentException("two tools named " + t.name());
        }
        this.resources = resources;
    }

    /** The result of a request, or a {@link JsonRpc.Failure} to answer with an error. */
    public JsonElement handle(String method, JsonObject params, CallContext context) throws InterruptedException {
        return switch (method) {
            case "initialize" -> initialize(params);
            case "ping" -> new JsonObject();
            case "tools/list" -> listOf("tools", tools.values().stream().map(Tool::descriptor).toList());
            case "tools/call" -> callTool(params, context).toJson();
            case "resources/list" -> listOf("resources", resources.list());
            case "resources/templates/list" -> listOf("resourceTemplates", resources.templates());
            case "resources/read" -> readResource(params);
            default -> throw new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    private JsonObject initialize(JsonObject params) {
        JsonObject result = new JsonObject();
        result.addProperty("protocolVersion", ProtocolVersions.negotiate(stringParam(params, "protocolVersion")));
        JsonObject capabilities = new JsonObject();
        JsonObject toolCaps = new JsonObject();
        toolCaps.addProperty("listChanged", false);
        capabilities.add("tools", toolCaps);
        JsonObject resourceCaps = new JsonObject();
        resourceCaps.addProperty("subscribe", false);
        resourceCaps.addProperty("listChanged", false);
        capabilities.add("resources", resourceCaps);
        result.add("capabilities", capabilities);
        JsonObject info = new JsonObject();
        info.addProperty("name", serverName);
        info.addProperty("version", serverVersion);
        result.add("serverInfo", info);
        if (instructions != null) result.addProperty("instructions", instructions);
        return result;
    }

    ToolResult callTool(JsonObject params, CallContext context) throws InterruptedException {
        String name = stringParam(params, "name");
        if (name == null) throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "tools/call needs a tool name");
        Tool tool = tools.get(name);
        if (tool == null) throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "unknown tool: " + name);
        JsonElement raw = params.get("arguments");
        if (raw != null && !raw.isJsonNull() && !raw.isJsonObject()) {
            return ToolResult.error("arguments of " + name + " must be an object, not " + raw + ".");
        }
        JsonObject args = raw == null || raw.isJsonNull() ? new JsonObject() : raw.getAsJsonObject();
        JsonObject known = tool.inputSchema().getAsJsonObject("properties");
        for (String key : args.keySet()) {
            if (known == null || !known.has(key)) {
                return ToolResult.error("argument '" + key + "' is not an argument of " + name + ".");
            }
        }
        try {
            return tool.call(new ToolArgs(args), context);
        } catch (BadArgument e) {
            return ToolResult.error(e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || context.cancelled()) throw new InterruptedException();
            return ToolResult.error(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private JsonObject readResource(JsonObject params) {
        String uri = stringParam(params, "uri");
        if (uri == null) throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "resources/read needs a uri");
        JsonObject contents;
        try {
            contents = resources.read(uri);
        } catch (RuntimeException e) {
            throw new JsonRpc.Failure(RESOURCE_NOT_FOUND, e.getMessage() != null ? e.getMessage() : e.toString());
        }
        if (contents == null) throw new JsonRpc.Failure(RESOURCE_NOT_FOUND, "resource not found: " + uri);
        JsonArray a = new JsonArray();
        a.add(contents);
        JsonObject result = new JsonObject();
        result.add("contents", a);
        return result;
    }

    private static JsonObject listOf(String key, List<JsonObject> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        JsonObject o = new JsonObject();
        o.add(key, a);
        return o;
    }

    private static String stringParam(JsonObject params, String key) {
        JsonElement e = params == null ? null : params.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
