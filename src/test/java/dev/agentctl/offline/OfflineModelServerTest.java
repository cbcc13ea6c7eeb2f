package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfflineModelServerTest {
    private final OfflineModelServer server = OfflineModelServer.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest post(String prompt) {
        JsonObject part = new JsonObject();
        part.addProperty("type", "input_text");
        part.addProperty("text", prompt);
        String body = "{\"model\":\"gpt-5.5\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":["
                + part + "]}]}";
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/responses"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackAndListsNoModels() throws Exception {
        assertEquals("http://127.0.0.1:" + server.port() + "/v1", server.baseUrl());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                .timeout(Duration.ofSeconds(20)).GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("{\"models\":[]}", r.body());
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nope"))
                .timeout(Duration.ofSeconds(20)).GET().build());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void streamsServerSentEventsAndRecordsTheRequest() throws Exception {
        HttpResponse<String> r = send(post("hello [[mock:succeed]]"));
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
        List<String> types = r.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> JsonParser.parseString(l.substring(6)).getAsJsonObject().get("type").getAsString())
                .collect(Collectors.toList());
        assertEquals(List.of("response.created", "response.output_item.done", "response.completed"), types);
        assertTrue(r.body().contains("\"input_tokens\":" + OfflineModelServer.INPUT_TOKENS));

        List<JsonObject> seen = server.requests();
        assertEquals(1, seen.size());
        assertEquals("gpt-5.5", seen.get(0).get("model").getAsString());
        seen.get(0).addProperty("model", "changed");
        assertEquals("gpt-5.5", server.requests().get(0).get("model").getAsString(), "requests() must copy");
    }

    @Test
    void aClientOfferingCompressionGetsAnUncompressedStream() throws Exception {
        // codex 0.171 sends accept-encoding: zstd,gzip; Claude Code sends gzip, deflate, br, zstd.
        for (String offered : List.of("zstd,gzip", "gzip, deflate, br, zstd")) {
            HttpRequest request = HttpRequest.newBuilder(post("[[mock:goal_not_met]]"), (k, v) -> true)
                    .header("Accept-Encoding", offered).build();
            HttpResponse<String> r = send(request);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), r.headers().toString());
            assertTrue(r.body().startsWith("data: {\"type\":\"response.created\""), r.body());
        }
    }

    @Test
    void theMessagesApiStreamsAnthropicEvents() throws Exception {
        String body = "{\"model\":\"claude-x\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"hi [[mock-cmd:true]]\"}],\"tools\":[{\"name\":\"StructuredOutput\"}]}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.anthropicBaseUrl() + "/v1/messages?beta=true"))
                .timeout(Duration.ofSeconds(20)).header("Accept-Encoding", "gzip, deflate, br, zstd")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
        List<AnthropicSseReader.Block> blocks = AnthropicSseReader.blocks(AnthropicSseReader.frames(r.body()));
        assertEquals("Bash", blocks.get(0).toolName());
        assertEquals("true", blocks.get(0).input().get("command").getAsString());
        assertEquals("claude-x", server.requests().get(0).get("model").getAsString());
        HttpResponse<String> fail = send(HttpRequest.newBuilder(URI.create(server.anthropicBaseUrl() + "/v1/messages"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body.replace("mock-cmd:true", "mock:fail"))).build());
        assertEquals(500, fail.statusCode());
        assertEquals("error", JsonParser.parseString(fail.body()).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void failScenarioAnswers500AndBadJson400() throws Exception {
        HttpResponse<String> r = send(post("[[mock:fail]]"));
        assertEquals(500, r.statusCode());
        assertEquals("server_error",
                JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error").get("code").getAsString());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/responses"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("not json")).build());
        assertEquals(400, bad.statusCode());
    }

    @Test
    void slowScenarioWaitsBeforeAnswering() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = send(post("[[mock:slow]] [[mock-delay:1]]"));
        assertEquals(200, r.statusCode());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(950), "answered before the delay");
    }

    @Test
    void closeReleasesHungAndDelayedExchangesAtOnce() throws Exception {
        CompletableFuture<HttpResponse<String>> hung = http.sendAsync(post("[[mock:hang]]"),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(post("[[mock:slow]] [[mock-delay:600]]"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(server.awaitRequests(2, Duration.ofSeconds(10)), "requests never arrived");
        assertFalse(hung.isDone());
        assertFalse(slow.isDone());

        long start = System.nanoTime();
        server.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close() blocked on hung exchanges");
        // Both clients learn at once that no answer is coming (connection closed), long before their timeouts.
        assertThrows(ExecutionException.class, () -> hung.get(5, TimeUnit.SECONDS));
        assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
        server.close(); // idempotent
    }

    @Test
    void awaitRequestsGivesUpAtItsDeadline() throws Exception {
        assertFalse(server.awaitRequests(1, Duration.ofMillis(100)));
    }
}
