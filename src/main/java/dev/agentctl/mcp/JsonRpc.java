package dev.agentctl.mcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** JSON-RPC 2.0 messages: the error codes MCP uses and the three shapes the server sends. */
public final class JsonRpc {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private JsonRpc() {}

    public static JsonObject result(JsonElement id, JsonElement result) {
        JsonObject o = envelope();
        o.add("id", id == null ? JsonNull.INSTANCE : id);
        o.add("result", result == null ? new JsonObject() : result);
        return o;
    }

    public static JsonObject error(JsonElement id, int code, String message) {
        JsonObject err = new JsonObject();
        err.addProperty("code", code);
        err.addProperty("message", message);
        JsonObject o = envelope();
        // No id when the request's is unknown (a line that did not parse): MCP's schema leaves it out
        // rather than sending JSON-RPC's null, which its SDK rejects.
        if (id != null) o.add("id", id);
        o.add("error", err);
        return o;
    }

    public static JsonObject notification(String method, JsonObject params) {
        JsonObject o = envelope();
        o.addProperty("method", method);
        if (params != null) o.add("params", params);
        return o;
    }

    private static JsonObject envelope() {
        JsonObject o = new JsonObject();
        o.addProperty("jsonrpc", "2.0");
        return o;
    }

    /** A failure to answer with a JSON-RPC error instead of a result. */
    public static final class Failure extends RuntimeException {
        private final int code;

        public Failure(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() { return code; }
    }
}
