package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.workspace.OutputSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real codex binary (the tested version) against the offline model server. */
class OfflineModelServerIT {
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path projectDir;

    private OfflineModelServer server;
    private Path codexHome;
    private Path schemaFile;

    @BeforeEach
    void setUp() throws Exception {
        server = OfflineModelServer.start();
        codexHome = CodexExecRun.newDirUnderTarget("codex-home-");
        server.writeCodexHome(codexHome);
        schemaFile = CodexExecRun.newDirUnderTarget("schema-").resolve("schema.json");
        Files.writeString(schemaFile, OutputSchema.TEXT);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CodexExecRun codex(String prompt) throws Exception {
        return CodexExecRun.start(codexHome, projectDir, schemaFile, prompt, null);
    }

    @Test
    void succeedRunsTheCommandAndReportsGoalMet() throws Exception {
        try (CodexExecRun run = codex("Create hello.txt. " + Markers.scenario(Scenario.SUCCEED))) {
            assertEquals(0, run.exitCode(RUN_DEADLINE), run.transcript());
            assertEquals("hello\n", Files.readString(projectDir.resolve("hello.txt")));
            JsonObject result = run.lastMessage();
            assertTrue(result.get("goal_met").getAsBoolean());
            assertTrue(result.get("summary").getAsString().contains("echo hello > hello.txt"));
            assertNotNull(CodexExecRun.stringOf(run.event("thread.started").orElseThrow(), "thread_id"));
            JsonObject usage = run.event("turn.completed").orElseThrow().getAsJsonObject("usage");
            // Two responses (the tool call, then the answer); codex adds their usage up.
            assertEquals(2 * OfflineModelServer.INPUT_TOKENS, usage.get("input_tokens").getAsInt());
            assertEquals(2 * OfflineModelServer.CACHED_INPUT_TOKENS, usage.get("cached_input_tokens").getAsInt());
            assertEquals(2 * OfflineModelServer.OUTPUT_TOKENS, usage.get("output_tokens").getAsInt());

            List<JsonObject> requests = server.requests();
            assertEquals(2, requests.size());
            assertTrue(inputTypes(requests.get(1)).contains("function_call_output"));
        }
    }

    @Test
    void commandMarkerAndNoScenarioMarkerMeanSucceedWithThatCommand() throws Exception {
        try (CodexExecRun run = codex("Make a file. " + Markers.command("printf custom > custom.txt"))) {
            assertEquals(0, run.exitCode(RUN_DEADLINE), run.transcript());
            assertEquals("custom", Files.readString(projectDir.resolve("custom.txt")));
            assertTrue(run.lastMessage().get("summary").getAsString().contains("printf custom > custom.txt"));
        }
    }

    @Test
    void goalNotMetAsksForAFollowupAndTheResumedThreadMeetsIt() throws Exception {
        String threadId;
        String followup;
        try (CodexExecRun run = codex("Do part one. " + Markers.scenario(Scenario.GOAL_NOT_MET))) {
            assertEquals(0, run.exitCode(RUN_DEADLINE), run.transcript());
            JsonObject result = run.lastMessage();
            assertFalse(result.get("goal_met").getAsBoolean());
            followup = result.get("followup_prompt").getAsString();
            assertFalse(followup.isBlank());
            threadId = CodexExecRun.stringOf(run.event("thread.started").orElseThrow(), "thread_id");
        }
        int before = server.requests().size();
        try (CodexExecRun resumed = CodexExecRun.start(codexHome, projectDir, schemaFile, followup, threadId)) {
            assertEquals(0, resumed.exitCode(RUN_DEADLINE), resumed.transcript());
            assertTrue(resumed.lastMessage().get("goal_met").getAsBoolean());
            assertEquals(threadId, CodexExecRun.stringOf(resumed.event("thread.started").orElseThrow(), "thread_id"));
        }
        List<JsonObject> requests = server.requests();
        assertEquals(before + 1, requests.size());
        JsonObject last = requests.get(requests.size() - 1);
        boolean sawEarlierAnswer = false;
        for (JsonElement item : last.getAsJsonArray("input")) {
            JsonObject o = item.getAsJsonObject();
            if ("assistant".equals(CodexExecRun.stringOf(o, "role")) && o.toString().contains("goal_met\\\":false")) {
                sawEarlierAnswer = true;
            }
        }
        assertTrue(sawEarlierAnswer, "resumed request lacks the earlier assistant turn: " + last);
    }

    @Test
    void failMakesCodexFailTheTurn() throws Exception {
        try (CodexExecRun run = codex("Anything. " + Markers.scenario(Scenario.FAIL))) {
            assertEquals(1, run.exitCode(RUN_DEADLINE), run.transcript());
            assertTrue(run.event("turn.failed").isPresent(), run.transcript());
            assertTrue(run.event("turn.completed").isEmpty(), run.transcript());
        }
    }

    @Test
    void laxOutputSchemaIsRejectedWithInvalidJsonSchema() throws Exception {
        Files.writeString(schemaFile, "{\"type\":\"object\",\"required\":[\"goal_met\"],"
                + "\"properties\":{\"goal_met\":{\"type\":\"boolean\"}}}");
        try (CodexExecRun run = codex("Anything.")) {
            assertEquals(1, run.exitCode(RUN_DEADLINE), run.transcript());
            JsonObject failed = run.event("turn.failed").orElseThrow(() -> new AssertionError(run.transcript()));
            assertTrue(failed.toString().contains("invalid_json_schema"), failed.toString());
            assertTrue(projectDir.toFile().list().length == 0, "no command may run before the model answered");
        }
    }

    @Test
    void hangKeepsCodexWaitingUntilKilledAndCloseDoesNotBlock() throws Exception {
        try (CodexExecRun run = codex("Anything. " + Markers.scenario(Scenario.HANG))) {
            assertTrue(server.awaitRequests(1, RUN_DEADLINE), "codex never called the model\n" + run.transcript());
            assertTrue(run.awaitExit(Duration.ofSeconds(3)).isEmpty(), "codex exited although the model hangs");
            assertTrue(run.event("turn.completed").isEmpty());
            run.close();
            assertFalse(run.isAlive());
            long start = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close() blocked");
        }
    }

    @Test
    void closingTheServerDuringASlowAnswerFailsTheTurn() throws Exception {
        try (CodexExecRun run = codex("Anything. " + Markers.scenario(Scenario.SLOW) + Markers.delay(600))) {
            assertTrue(server.awaitRequests(1, RUN_DEADLINE), "codex never called the model\n" + run.transcript());
            server.close();
            assertEquals(1, run.exitCode(RUN_DEADLINE), run.transcript());
            assertTrue(run.event("turn.failed").isPresent(), run.transcript());
        }
    }

    private static List<String> inputTypes(JsonObject request) {
        List<String> types = new java.util.ArrayList<>();
        for (JsonElement item : request.getAsJsonArray("input")) {
            types.add(CodexExecRun.stringOf(item.getAsJsonObject(), "type"));
        }
        return types;
    }
}
