package dev.agentctl.codex;

import dev.agentctl.workspace.OutputSchema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.testing.CodexBinary;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The argv CodexCommand builds, run by the real codex binary against the offline model server. */
class CodexCommandIT {
    private OfflineModelServer server;
    private Path tmp;
    private Path codexHome;

    @BeforeEach
    void start() throws Exception {
        // Not under /tmp: codex warns about PATH aliases there.
        tmp = Files.createDirectories(TestEnv.ROOT.resolve("target/it-work/codex-" + UUID.randomUUID()));
        server = OfflineModelServer.start();
        codexHome = tmp.resolve("codex-home");
        server.writeCodexHome(codexHome);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EventTracker run(CodexInvocation inv, String name, String prompt) throws Exception {
        Path promptFile = Files.writeString(tmp.resolve(name + ".prompt"), prompt);
        Path events = tmp.resolve(name + ".jsonl");
        ProcessBuilder pb = new ProcessBuilder(CodexCommand.argv(inv))
                .redirectInput(promptFile.toFile()).redirectOutput(events.toFile()).redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("CODEX_HOME", codexHome.toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("codex did not exit");
        }
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve(name + ".err")));
        EventTracker tracker = new EventTracker();
        Files.readAllLines(events).forEach(l -> {
            CodexEvent e = CodexEvent.parse(l);
            if (e != null) tracker.accept(e);
        });
        return tracker;
    }

    @Test
    void realCodexAcceptsTheArgvForExecAndResume() throws Exception {
        String codexBin = CodexBinary.path();
        Path project = Files.createDirectory(tmp.resolve("project"));
        Path schema = Files.writeString(tmp.resolve("schema.json"), OutputSchema.TEXT);
        Path last = tmp.resolve("last_message.json");

        EventTracker first = run(new CodexInvocation(codexBin, project, "gpt-5.5", "low", "read-only",
                List.of("features.plugins=false"), schema, last, null), "first", "try [[mock:goal_not_met]]");
        assertTrue(first.turnCompleted());
        assertNotNull(first.threadId());
        AgentResult r = AgentResult.parse(first.lastAgentMessage());
        assertEquals(Boolean.FALSE, r.goalMet());
        assertFalse(r.followupPrompt().isBlank());
        assertEquals(r, AgentResult.parse(Files.readString(last)), "-o holds the same final message");
        JsonObject request = server.requests().get(server.requests().size() - 1);
        assertEquals("low", request.getAsJsonObject("reasoning").get("effort").getAsString(), "-c quoting");
        assertEquals("codex_output_schema", request.getAsJsonObject("text").getAsJsonObject("format").get("name").getAsString());

        EventTracker resumed = run(new CodexInvocation(codexBin, project, null, "high", null, List.of(), schema, last,
                first.threadId()), "resumed", "again [[mock:goal_not_met]]");
        assertTrue(resumed.turnCompleted());
        assertEquals(first.threadId(), resumed.threadId());
        assertEquals(Boolean.TRUE, AgentResult.parse(resumed.lastAgentMessage()).goalMet(), "the resumed thread sees its earlier turn");
        assertEquals(2L * OfflineModelServer.INPUT_TOKENS, resumed.usage().get("input_tokens").getAsLong(),
                "usage is cumulative for the thread");
        assertEquals("high", server.requests().get(server.requests().size() - 1).getAsJsonObject("reasoning").get("effort").getAsString());
    }
}
