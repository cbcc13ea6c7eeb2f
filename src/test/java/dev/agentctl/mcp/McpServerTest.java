package dev.agentctl.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class McpServerTest {
    private final CountDownLatch blockStarted = new CountDownLatch(1);
    private final CountDownLatch blockInterrupted = new CountDownLatch(1);

    private final Tool echo = tool("echo", false, (args, ctx) -> {
        JsonObject o = new JsonObject();
        o.addProperty("said", args.requiredString("text"));
        return ToolResult.ok(o, args.requiredString("text"));
    });
    private final Tool boom = tool("boom", false, (args, ctx) -> {
        throw new IllegalStateException("the tool broke");
    });
    /** Blocks until interrupted, reporting progress first. */
    private final Tool block = tool("block", true, (args, ctx) -> {
        ctx.progress(1, 2.0, "half way");
        blockStarted.countDown();
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            blockInterrupted.countDown();
            throw e;
        }
        return ToolResult.ok(new JsonObject(), "woke");
    });

    private ServerHarness server() throws Exception {
        return new ServerHarness(List.of(echo, boom, block), new NoResources());
    }

    @Test
    void initializeAnswersWithTheClientsVersionWhenSupportedElseTheNewest() throws Exception {
        try (ServerHarness s = server()) {
            s.send(initialize(1, "2025-06-18"));
            JsonObject r = s.next().getAsJsonObject("result");
            assertEquals("2025-06-18", r.get("protocolVersion").getAsString());
            assertTrue(r.getAsJsonObject("capabilities").has("tools"));
            assertTrue(r.getAsJsonObject("capabilities").has("resources"));
            s.send(initialize(2, "2024-11-05"));
            assertEquals(ProtocolVersions.NEWEST, s.next().getAsJsonObject("result").get("protocolVersion").getAsString());
            s.send(initialize(3, "2025-11-25"));
            assertEquals("2025-11-25", s.next().getAsJsonObject("result").get("protocolVersion").getAsString());
        }
    }

    @Test
    void malformedLinesGetParseErrorsAndTheServerCarriesOn() throws Exception {
        try (ServerHarness s = server()) {
            s.send("{not json");
            JsonObject e = s.next();
            assertEquals(JsonRpc.PARSE_ERROR, e.getAsJsonObject("error").get("code").getAsInt());
            assertFalse(e.has("id"), "an unknown id is left out, as MCP's schema has it");
            s.send("[1,2]");
            assertEquals(JsonRpc.INVALID_REQUEST, s.next().getAsJsonObject("error").get("code").getAsInt());
            s.send("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}");
            assertEquals(JsonRpc.INVALID_REQUEST, s.next().getAsJsonObject("error").get("code").getAsInt());
            s.send("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
            JsonObject pong = s.next();
            assertEquals("p", pong.get("id").getAsString());
            assertTrue(pong.getAsJsonObject("result").entrySet().isEmpty());
        }
    }

    @Test
    void unknownMethodsAndToolsAreProtocolErrors() throws Exception {
        try (ServerHarness s = server()) {
            s.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/explode\"}");
            assertEquals(JsonRpc.METHOD_NOT_FOUND, s.next().getAsJsonObject("error").get("code").getAsInt());
            s.send(call(2, "nope", "{}"));
            JsonObject e = s.next().getAsJsonObject("error");
            assertEquals(JsonRpc.INVALID_PARAMS, e.get("code").getAsInt());
            assertEquals("unknown tool: nope", e.get("message").getAsString());
        }
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheArgument() throws Exception {
        try (ServerHarness s = server()) {
            s.send(call(1, "echo", "{}"));
            assertToolError(s.next(), "argument 'text' is required.");
            s.send(call(2, "echo", "{\"text\":7}"));
            assertToolError(s.next(), "argument 'text' must be a string, not 7.");
            s.send(call(3, "echo", "{\"text\":\"hi\",\"loud\":true}"));
            assertToolError(s.next(), "argument 'loud' is not an argument of echo.");
            s.send(call(4, "echo", "[1]"));
            assertToolError(s.next(), "arguments of echo must be an object, not [1].");
            s.send(call(5, "boom", "{}"));
            assertToolError(s.next(), "the tool broke");
            s.send(call(6, "echo", "{\"text\":\"hi\"}"));
            JsonObject r = s.next().getAsJsonObject("result");
            assertFalse(r.get("isError").getAsBoolean());
            assertEquals("hi", r.getAsJsonObject("structuredContent").get("said").getAsString());
            assertEquals("hi", r.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
        }
    }

    @Test
    void aBlockedCallDoesNotHoldUpOthersAndCancellingItInterruptsItWithoutAnAnswer() throws Exception {
        try (ServerHarness s = server()) {
            s.send("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"tools/call\",\"params\":{\"name\":\"block\",\"arguments\":{},"
                    + "\"_meta\":{\"progressToken\":\"tok\"}}}");
            JsonObject progress = s.next();
            assertEquals("notifications/progress", progress.get("method").getAsString());
            assertEquals("tok", progress.getAsJsonObject("params").get("progressToken").getAsString());
            assertEquals("half way", progress.getAsJsonObject("params").get("message").getAsString());
            assertTrue(blockStarted.await(10, TimeUnit.SECONDS));
            s.send(call(2, "echo", "{\"text\":\"meanwhile\"}"));
            assertEquals(2, s.next().get("id").getAsInt());
            s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"w\",\"reason\":\"enough\"}}");
            assertTrue(blockInterrupted.await(10, TimeUnit.SECONDS), "the cancelled call was not interrupted");
            s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
            assertEquals(3, s.next().get("id").getAsInt(), "the cancelled call must get no answer");
        }
    }

    @Test
    void endOfInputEndsTheServerWithZero() throws Exception {
        try (ServerHarness s = server()) {
            s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            s.closeInput();
            assertEquals(0, s.exit.get(10, TimeUnit.SECONDS));
            assertNull(s.nextWithin(100), "a notification gets no answer");
        }
    }

    private static void assertToolError(JsonObject reply, String message) {
        JsonObject r = reply.getAsJsonObject("result");
        assertTrue(r.get("isError").getAsBoolean(), reply.toString());
        assertEquals(message, r.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
    }

    private static String initialize(int id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }

    private static String call(int id, String tool, String args) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}}";
    }

    interface Body {
        ToolResult call(ToolArgs args, CallContext ctx) throws Exception;
    }

    private static Tool tool(String name, boolean readOnly, Body body) {
        return new Tool() {
            @Override public String name() { return name; }
            @Override public String description() { return name; }
            @Override public JsonObject inputSchema() { return Schema.object().string("text", "what to say", false).build(); }
            @Override public boolean readOnly() { return readOnly; }
            @Override public ToolResult call(ToolArgs args, CallContext ctx) throws Exception { return body.call(args, ctx); }
        };
    }

    private static final class NoResources implements Resources {
        @Override public List<JsonObject> list() { return List.of(); }
        @Override public List<JsonObject> templates() { return List.of(); }
        @Override public JsonObject read(String uri) { return null; }
    }
}
