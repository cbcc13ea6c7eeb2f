package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argv CodexCommand builds, run by the real codex binary against a loopback mock of the model API. */
class CodexCommandIT {
    private static final String DEFAULT_BIN = "/root/.cache/agentctl/codex-0.169.0/node_modules/@openai/codex-linux-x64/"
            + "vendor/x86_64-unknown-linux-musl/bin/codex";
    private static final String ANSWER = "{\"goal_met\":true,\"summary\":\"ok\",\"followup_prompt\":\"\",\"notes\":\"\"}";

    @TempDir
    Path tmp;
    private HttpServer server;
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private String codexBin;
    private Path codexHome;

    @BeforeEach
    void start() throws IOException {
        codexBin = System.getProperty("codex.bin", System.getenv().getOrDefault("AGENTCTL_CODEX_BIN", DEFAULT_BIN));
        Assumptions.assumeTrue(Files.isExecutable(Path.of(codexBin)), "codex binary not found: " + codexBin);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/models", ex -> respond(ex, "application/json", "{\"models\":[]}"));
        server.createContext("/v1/responses", ex -> {
            requests.add(JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
            JsonObject text = new JsonObject();
            text.addProperty("type", "output_text");
            text.addProperty("text", ANSWER);
            respond(ex, "text/event-stream", "data: {\"type\":\"response.created\",\"response\":{\"id\":\"r1\"}}\n\n"
                    + "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\","
                    + "\"id\":\"m1\",\"content\":[" + text + "]}}\n\n"
                    + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r1\",\"usage\":{\"input_tokens\":10,"
                    + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":5,"
                    + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":15}}}\n\n");
        });
        server.start();
        codexHome = Files.createDirectory(tmp.resolve("codex-home"));
        Files.writeString(codexHome.resolve("config.toml"), "model = \"gpt-5.5\"\nmodel_provider = \"mock\"\n"
                + "[features]\nplugins = false\n[model_providers.mock]\nname = \"Mock\"\n"
                + "base_url = \"http://127.0.0.1:" + server.getAddress().getPort() + "/v1\"\nwire_api = \"responses\"\n"
                + "supports_websockets = false\nrequest_max_retries = 0\nstream_max_retries = 0\n");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private EventTracker run(CodexInvocation inv, String name) throws Exception {
        Path prompt = Files.writeString(tmp.resolve(name + ".prompt"), "say ok");
        Path events = tmp.resolve(name + ".jsonl");
        ProcessBuilder pb = new ProcessBuilder(CodexCommand.argv(inv))
                .redirectInput(prompt.toFile()).redirectOutput(events.toFile()).redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("CODEX_HOME", codexHome.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("codex did not exit");
        }
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve(name + ".err")));
        EventTracker tracker = new EventTracker();
        Files.readAllLines(events).forEach(l -> tracker.accept(CodexEvent.parse(l)));
        return tracker;
    }

    @Test
    void realCodexAcceptsTheArgvForExecAndResume() throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Path schema = Files.writeString(tmp.resolve("schema.json"), OutputSchema.TEXT);
        Path last = tmp.resolve("last_message.json");

        EventTracker first = run(new CodexInvocation(codexBin, project, "gpt-5.5", "low", "read-only",
                List.of("features.plugins=false"), schema, last, null), "first");
        assertTrue(first.turnCompleted());
        assertNotNull(first.threadId());
        assertEquals(new CodexResult(true, "ok", "", "", null), CodexResult.parse(first.lastAgentMessage()));
        assertEquals(new CodexResult(true, "ok", "", "", null), CodexResult.parse(Files.readString(last)));
        JsonObject request = requests.get(requests.size() - 1);
        assertEquals("low", request.getAsJsonObject("reasoning").get("effort").getAsString(), "-c quoting");
        assertEquals("codex_output_schema", request.getAsJsonObject("text").getAsJsonObject("format").get("name").getAsString());

        EventTracker resumed = run(new CodexInvocation(codexBin, project, null, "high", null, List.of(), schema, last,
                first.threadId()), "resumed");
        assertTrue(resumed.turnCompleted());
        assertEquals(first.threadId(), resumed.threadId());
        assertEquals(20, resumed.usage().get("input_tokens").getAsLong(), "usage is cumulative for the thread");
        assertEquals("high", requests.get(requests.size() - 1).getAsJsonObject("reasoning").get("effort").getAsString());
    }
}
