package dev.agentctl.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command itself: --home wins over AI_ORCH_HOME, stdout is protocol only, end of input ends it and not its runs. */
class McpCommandIT extends RealRunTest {
    @Test
    void endOfInputEndsTheServerWithZeroAndLeavesItsRunRunning() throws Exception {
        List<String> argv = new ArrayList<>(TestEnv.agentctlArgv());
        argv.addAll(List.of("--home", env.home.toString(), "mcp"));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(env.project.toFile());
        pb.environment().clear();
        pb.environment().putAll(env.env());
        pb.environment().put("AI_ORCH_HOME", env.base.resolve("elsewhere").toString()); // --home must win
        Process p = pb.start();
        CompletableFuture<String> err = Procs.drain(p.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = p.getOutputStream();
        in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"start_run\",\"arguments\":"
                + "{\"prompt\":\"slow [[mock:slow]] [[mock-delay:120]]\",\"title\":\"outlives the server\"}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        List<JsonObject> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String line = out.readLine();
            assertTrue(line != null, "the server ended early; stderr: " + err.getNow(""));
            replies.add(JsonParser.parseString(line).getAsJsonObject()); // stdout holds protocol messages only
        }
        assertEquals("2025-06-18", replies.get(0).getAsJsonObject("result").get("protocolVersion").getAsString());
        JsonObject started = replies.get(1).getAsJsonObject("result");
        assertEquals(false, started.get("isError").getAsBoolean(), started.toString());
        String runId = started.getAsJsonObject("structuredContent").get("run_id").getAsString();
        in.close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server ends when its input closes");
        assertEquals(0, p.exitValue(), "stderr: " + err.get(5, TimeUnit.SECONDS));
        assertEquals(null, out.readLine(), "nothing else on stdout");
        assertTrue(Files.isDirectory(env.home.resolve("runs").resolve(runId)), "the run is in the --home workspace");
        assertTrue(!Files.exists(env.base.resolve("elsewhere").resolve("runs").resolve(runId)));
        Procs.await("the run to be running", java.time.Duration.ofSeconds(60), () -> {
            try {
                return "running".equals(env.meta(runId).get("status").getAsString());
            } catch (Exception e) {
                return false;
            }
        });
        TestEnv.ok(env.agentctl(null, "kill", runId));
        assertEquals("killed", env.meta(runId).get("outcome").getAsString());
    }
}
