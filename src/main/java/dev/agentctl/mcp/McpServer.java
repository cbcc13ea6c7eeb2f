package dev.agentctl.mcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.agentctl.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MCP over stdio: one JSON-RPC message per line in, one per line out. Slow methods (tool calls,
 * resource reads) run on their own threads, so a long wait never holds up another request;
 * notifications/cancelled interrupts the call it names, which then gets no answer (as MCP asks).
 * Nothing a client sends can end the server; end of input does, with exit code 0.
 */
public final class McpServer {
    private static final long END_GRACE_SECONDS = 3;
    private static final Set<String> SLOW = Set.of("tools/call", "resources/read");

    private final McpMethods methods;
    private final PrintStream out;
    private final PrintStream log;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mcp-call-" + threads.incrementAndGet());
        t.setDaemon(true); // end of input ends the server, whatever calls are still waiting
        return t;
    });

    public McpServer(McpMethods methods, PrintStream out, PrintStream log) {
        this.methods = methods;
        this.out = out;
        this.log = log;
    }

    /** Serves until in ends; returns the exit code (0). */
    public int serve(InputStream in) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                try {
                    handleLine(line);
                } catch (RuntimeException e) {
                    log.println("agentctl mcp: internal error on a message: " + e);
                }
            }
        } finally {
            finishCalls();
        }
        return 0;
    }

    /** Calls under way may finish (a start_run must not be cut in half); waits are abandoned after a grace. */
    private void finishCalls() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(END_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    void handleLine(String line) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            send(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "parse error: not a JSON message"));
            return;
        }
        if (!parsed.isJsonObject()) {
            send(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "invalid request: a message is one JSON object"));
            return;
        }
        JsonObject msg = parsed.getAsJsonObject();
        JsonElement id = msg.get("id");
        String method = stringField(msg, "method");
        if (method == null) {
            // A response to a request we never send, or junk: nothing to answer (an id-less error has no one to go to).
            if (id != null && !msg.has("result") && !msg.has("error")) {
                send(JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "invalid request: no method"));
            }
            return;
        }
        JsonObject params = msg.get("params") != null && msg.get("params").isJsonObject() ? msg.getAsJsonObject("params") : new JsonObject();
        if (id == null) {
            onNotification(method, params);
        } else if (!id.isJsonPrimitive() || id.getAsJsonPrimitive().isBoolean()) {
            send(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "invalid request: id must be a string or a number"));
        } else if (SLOW.contains(method)) {
            submit(id, method, params);
        } else {
            answer(id, method, params, CallContext.NONE);
        }
    }

    private void onNotification(String method, JsonObject params) {
        if (!"notifications/cancelled".equals(method)) return; // initialized, progress, roots...: nothing to do
        JsonElement requestId = params.get("requestId");
        Pending p = requestId == null ? null : pending.get(key(requestId));
        if (p != null) p.cancel();
    }

    private void submit(JsonElement id, String method, JsonObject params) {
        String key = key(id);
        Pending p = new Pending(progressToken(params));
        if (pending.putIfAbsent(key, p) != null) {
            send(JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "invalid request: id " + id + " is already in use"));
            return;
        }
        p.future = pool.submit(() -> {
            try {
                answer(id, method, params, p);
            } finally {
                pending.remove(key, p);
            }
        });
        if (p.cancelled) p.future.cancel(true); // cancelled before the future existed
    }

    private void answer(JsonElement id, String method, JsonObject params, CallContext context) {
        JsonObject reply;
        try {
            reply = JsonRpc.result(id, methods.handle(method, params, context));
        } catch (JsonRpc.Failure f) {
            reply = JsonRpc.error(id, f.code(), f.getMessage());
        } catch (InterruptedException e) {
            return; // cancelled: no answer
        } catch (RuntimeException e) {
            log.println("agentctl mcp: " + method + " failed: " + e);
            reply = JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "internal error: " + e.getMessage());
        }
        if (!context.cancelled()) send(reply);
    }

    /** One message per line; writes from several threads never interleave. */
    void send(JsonObject message) {
        String line = Json.compact(message);
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
        }
    }

    private static JsonElement progressToken(JsonObject params) {
        JsonElement meta = params.get("_meta");
        if (meta == null || !meta.isJsonObject()) return null;
        JsonElement token = meta.getAsJsonObject().get("progressToken");
        return token != null && token.isJsonPrimitive() ? token : null;
    }

    /** The id as its JSON text: the string "1" and the number 1 are different ids. */
    private static String key(JsonElement id) {
        return id.toString();
    }

    private static String stringField(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /** A call in progress: cancellation and progress for the tool, the future to interrupt. */
    private final class Pending implements CallContext {
        private final JsonElement progressToken;
        volatile boolean cancelled;
        volatile Future<?> future;

        Pending(JsonElement progressToken) {
            this.progressToken = progressToken;
        }

        void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) f.cancel(true);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void progress(double progress, Double total, String message) {
            if (progressToken == null || cancelled) return;
            JsonObject p = new JsonObject();
            p.add("progressToken", progressToken);
            p.addProperty("progress", progress);
            if (total != null) p.addProperty("total", total);
            if (message != null) p.addProperty("message", message);
            send(JsonRpc.notification("notifications/progress", p));
        }
    }
}
