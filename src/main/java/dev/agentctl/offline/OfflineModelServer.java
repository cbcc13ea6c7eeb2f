package dev.agentctl.offline;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A model server on 127.0.0.1 that speaks enough of the OpenAI Responses API for codex 0.169/0.171 and of
 * Anthropic's Messages API for Claude Code 2.1, so agentctl's demo, doctor and tests run both agents for real
 * without network or credentials. Bodies are sent uncompressed whatever a client's accept-encoding offers. Behaviour per turn is picked by
 * prompt markers, see {@link Markers} and {@link Scenario}.
 */
public final class OfflineModelServer implements AutoCloseable {
    /** Usage reported by every response; codex adds them up per thread (a succeed turn makes two responses). */
    public static final int INPUT_TOKENS = 100;
    public static final int CACHED_INPUT_TOKENS = 40;
    public static final int OUTPUT_TOKENS = 20;
    public static final int REASONING_OUTPUT_TOKENS = 5;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReplyPlanner planner = new ReplyPlanner();
    private final MessagesPlanner messagesPlanner = new MessagesPlanner();
    private final List<JsonObject> requests = new ArrayList<>();
    /** Counted down by close(): releases every hung or delayed exchange at once. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private OfflineModelServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static OfflineModelServer start() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "offline-model-" + threads.incrementAndGet());
            t.setDaemon(true); // a hung exchange must never keep the JVM alive
            return t;
        });
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            OfflineModelServer s = new OfflineModelServer(server, executor);
            server.createContext("/", s::handle);
            server.setExecutor(executor);
            server.start();
            return s;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the offline model server on 127.0.0.1", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Writes config.toml into codexHome (created if missing) so codex uses this server as its model. */
    public void writeCodexHome(Path codexHome) throws IOException {
        CodexHomeWriter.write(codexHome, baseUrl());
    }

    /** The base URL for Claude Code's ANTHROPIC_BASE_URL (it appends /v1/messages itself). */
    public String anthropicBaseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * What Claude Code needs in its environment to use this server and nothing else: the API base, any key, a
     * HOME of its own (its settings and sessions live there), no other traffic, and no retries so that an error
     * status ends the turn at once.
     */
    public java.util.Map<String, String> claudeEnvironment(Path home) {
        return java.util.Map.of("ANTHROPIC_BASE_URL", anthropicBaseUrl(), "ANTHROPIC_API_KEY", "offline-no-key-needed",
                "HOME", home.toString(), "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1", "CLAUDE_CODE_MAX_RETRIES", "0");
    }

    /** Every {@code POST /v1/responses} and {@code POST /v1/messages} body received so far, in arrival order. */
    public List<JsonObject> requests() {
        synchronized (requests) {
            List<JsonObject> copy = new ArrayList<>(requests.size());
            for (JsonObject r : requests) copy.add(r.deepCopy());
            return copy;
        }
    }

    /** Waits until at least n requests arrived; false when the timeout passed first. */
    public boolean awaitRequests(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
            return true;
        }
    }

    /** Makes text the final agent message of every turn whose prompt contains marker. */
    public void setFinalMessage(String marker, String text) {
        planner.setFinalMessage(marker, text);
    }

    /** Stops at once: hung and delayed exchanges are dropped, not waited for. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("/v1/responses".equals(path) && "POST".equals(method)) {
                respond(exchange, false);
            } else if ("/v1/messages".equals(path) && "POST".equals(method)) {
                respond(exchange, true);
            } else if ("/v1/models".equals(path) && "GET".equals(method)) {
                sendJson(exchange, 200, Json.parseObject("{\"models\":[]}", "models"));
            } else {
                sendJson(exchange, 404, ModelOutput.errorBody("invalid_request_error", "not_found",
                        "The offline model server does not serve " + method + " " + path, null));
            }
        } catch (IOException e) {
            // The client went away (codex killed or timed out): nothing left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() is shutting us down
        }
    }

    /** anthropic: a Messages API request (Claude Code), else a Responses API one (codex). */
    private void respond(HttpExchange exchange, boolean anthropic) throws IOException, InterruptedException {
        JsonObject body;
        try {
            body = Json.parseObject(readBody(exchange), "request body");
        } catch (CorruptFileException e) {
            sendJson(exchange, 400, ModelOutput.errorBody("invalid_request_error", "invalid_json",
                    "The request body is not a JSON object", null));
            return;
        }
        synchronized (requests) {
            requests.add(body);
            requests.notifyAll();
        }
        Reply reply = anthropic ? messagesPlanner.plan(new MessagesRequest(body)) : planner.plan(new ResponsesRequest(body));
        if (reply.kind == Reply.Kind.HANG) {
            closed.await(); // hold the exchange open until close()
            return;
        }
        if (!reply.delay.isZero() && closed.await(reply.delay.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        if (reply.kind == Reply.Kind.ERROR) {
            sendJson(exchange, reply.status, reply.errorBody);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (anthropic) {
                AnthropicSseWriter sse = new AnthropicSseWriter(out);
                for (JsonObject event : reply.events) sse.send(event);
            } else {
                SseWriter sse = new SseWriter(out);
                for (JsonObject event : reply.events) sse.send(event);
            }
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) in = new GZIPInputStream(in);
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void sendJson(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
