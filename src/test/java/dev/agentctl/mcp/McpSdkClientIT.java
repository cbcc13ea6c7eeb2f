package dev.agentctl.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.McpSdk;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * `agentctl mcp` driven by the official MCP TypeScript SDK client (src/test/resources/mcp/sdk-client.mjs)
 * with real codex runs against the offline model: every step the script took is asserted here.
 */
class McpSdkClientIT extends RealRunTest {
    @Test
    void theSdkClientDrivesRunsThroughTheServer() throws Exception {
        JsonObject report = runClient();
        JsonObject s = report.getAsJsonObject("steps");
        String context = "\nreport: " + report;

        JsonObject init = s.getAsJsonObject("initialize");
        assertEquals("agentctl", init.getAsJsonObject("server").get("name").getAsString(), context);
        assertTrue(init.getAsJsonObject("capabilities").has("tools"), context);
        assertTrue(init.getAsJsonObject("capabilities").has("resources"), context);

        Map<String, Boolean> readOnly = new HashMap<>();
        for (JsonElement t : s.getAsJsonArray("tools")) {
            readOnly.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject().get("readOnly").getAsBoolean());
        }
        assertTrue(readOnly.keySet().containsAll(Set.of("start_run", "wait_runs", "show_run", "list_runs", "run_logs",
                "run_diff", "kill_run", "resume_run", "send_to_run", "usage", "merge_run", "discard_run", "status", "group_create", "group_show", "create_real_task",
                "deploy_headless_agent", "get_real_task_status", "kill_real_agent")), context);
        assertTrue(readOnly.get("list_runs") && readOnly.get("show_run") && readOnly.get("wait_runs"), context);
        assertFalse(readOnly.get("start_run") || readOnly.get("kill_run") || readOnly.get("send_to_run"), context);
        assertTrue(readOnly.get("usage"), context);

        JsonObject started = ok(s, "start_run");
        String runId = started.get("run_id").getAsString();
        assertEquals("worktree", started.get("isolation").getAsString(), context);
        JsonObject waited = ok(s, "wait_runs");
        assertFalse(waited.get("timed_out").getAsBoolean(), context);
        JsonObject meta = waited.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(runId, meta.get("run_id").getAsString());
        assertEquals("succeeded", meta.get("outcome").getAsString(), context);
        assertEquals(env.meta(runId).get("outcome"), meta.get("outcome"), "the tool returns the run's own meta");

        assertTrue(ids(ok(s, "list_runs").getAsJsonArray("runs")).contains(runId), context);
        assertEquals("via mcp", ok(s, "show_run").get("title").getAsString());
        String logs = String.join("\n", strings(ok(s, "run_logs").getAsJsonArray("lines")));
        assertTrue(logs.contains("$ echo hello > hello.txt"), "run_logs renders the command: " + logs);
        JsonObject diff = ok(s, "run_diff");
        assertTrue(diff.get("stat").getAsString().contains("hello.txt"), "the stat names the file codex wrote: " + diff);
        assertTrue(diff.get("patch").getAsString().contains("+hello"), "the patch shows the file codex wrote: " + diff);
        JsonObject merged = ok(s, "merge_run");
        assertTrue(merged.get("files").toString().contains("hello.txt"), "merged: " + merged);
        assertTrue(Files.isRegularFile(env.project.resolve("hello.txt")), "the run's file is in the project's checkout");
        JsonObject discarded = ok(s, "discard_run");
        assertEquals(runId, discarded.get("run_id").getAsString(), context);
        assertFalse(Files.exists(Path.of(discarded.get("worktree").getAsString())), "the worktree is gone: " + discarded);
        JsonObject status = ok(s, "status");
        assertTrue(status.has("global") && status.has("queued"), "status as agentctl status --json: " + status);

        JsonObject bad = s.getAsJsonObject("bad_argument");
        assertTrue(bad.get("isError").getAsBoolean(), context);
        assertEquals("argument 'prompt' is required.", bad.get("text").getAsString());
        JsonObject unknown = s.getAsJsonObject("unknown_tool");
        assertTrue(unknown.get("threw").getAsBoolean(), context);
        assertEquals(JsonRpc.INVALID_PARAMS, unknown.get("code").getAsInt(), context);

        String slowId = ok(s, "start_slow").get("run_id").getAsString();
        JsonObject concurrent = s.getAsJsonObject("concurrent");
        assertTrue(concurrent.get("listCount").getAsInt() >= 2, context);
        assertTrue(concurrent.get("listMillis").getAsLong() < 10_000, "list_runs answered while wait_runs waited: " + concurrent);
        assertTrue(concurrent.get("progress").getAsInt() >= 2, "progress notifications while waiting: " + concurrent);
        assertEquals("rejected", concurrent.getAsJsonObject("waited").get("settled").getAsString(), context);
        assertTrue(concurrent.get("pingAfterCancel").getAsBoolean());
        JsonObject killed = ok(s, "kill_run");
        assertEquals("killed", killed.get("outcome").getAsString(), context);
        assertEquals("killed", env.meta(slowId).get("outcome").getAsString());

        String busyId = ok(s, "start_busy").get("run_id").getAsString();
        assertEquals("running", ok(s, "busy_thread").get("status").getAsString(), "sent while the turn runs: " + context);
        JsonObject sent = ok(s, "send_to_run");
        String sentId = sent.get("run_id").getAsString();
        assertEquals("queued", sent.get("status").getAsString(), "waits for the current turn: " + sent);
        assertEquals("followup", sent.get("mode").getAsString(), context);
        assertEquals(busyId, sent.get("parent_run_id").getAsString(), context);
        assertEquals(List.of(busyId), strings(sent.getAsJsonArray("after")), context);
        JsonObject sentWait = ok(s, "wait_sent");
        assertFalse(sentWait.get("timed_out").getAsBoolean(), context);
        JsonObject busy = env.meta(busyId);
        JsonObject next = env.meta(sentId);
        assertEquals("succeeded", busy.get("outcome").getAsString(), busy.toString());
        assertEquals("succeeded", next.get("outcome").getAsString(), next.toString());
        assertEquals(busy.get("thread_id").getAsString(), next.get("thread_id").getAsString(), "the same codex thread");
        assertFalse(java.time.Instant.parse(next.get("started_at").getAsString())
                .isBefore(java.time.Instant.parse(busy.get("ended_at").getAsString())), "the message starts after the turn ends");
        String modelInput = env.lastModelInputWith("SENT-OVER-MCP");
        assertTrue(modelInput.indexOf("BUSY-TEXT") >= 0 && modelInput.indexOf("BUSY-TEXT") < modelInput.indexOf("SENT-OVER-MCP"),
                "the model sees the earlier turn, then the message: " + modelInput);

        assertEquals("capped", ok(s, "group_create").get("name").getAsString(), context);
        JsonObject after = ok(s, "start_after");
        assertEquals("capped", after.get("group").getAsString(), context);
        assertEquals(List.of(slowId), strings(env.meta(after.get("run_id").getAsString()).getAsJsonArray("after")));
        JsonObject refused = s.getAsJsonObject("limit_refusal");
        assertTrue(refused.get("isError").getAsBoolean(), context);
        assertEquals("refused: group capped max_runs 1 reached (1 runs)", refused.get("text").getAsString(), context);
        assertEquals(1, ok(s, "group_show").get("runs").getAsInt(), context);

        JsonObject task = ok(s, "create_real_task");
        assertTrue(task.get("success").getAsBoolean());
        String taskId = task.get("task_id").getAsString();
        JsonObject deployed = ok(s, "deploy_headless_agent");
        String agentId = deployed.get("agent_id").getAsString();
        assertEquals(runId, deployed.get("parent").getAsString(), "parent recorded: " + deployed);
        assertEquals("investigator", env.meta(agentId).get("title").getAsString());
        JsonObject taskStatus = ok(s, "get_real_task_status");
        assertEquals(1, taskStatus.get("active_agents").getAsInt(), context);
        assertEquals(agentId, taskStatus.getAsJsonArray("hierarchy").get(0).getAsJsonObject().get("run_id").getAsString());
        JsonObject spiral = taskStatus.getAsJsonObject("spiral_status");
        assertTrue(spiral.get("checked").getAsBoolean(), "depth and spawn limits are checked: " + taskStatus);
        assertEquals("ok", spiral.get("status").getAsString(), context);
        JsonObject agentKilled = ok(s, "kill_real_agent");
        assertTrue(agentKilled.get("success").getAsBoolean());
        assertEquals("killed", agentKilled.get("outcome").getAsString());
        JsonObject task0 = null;
        for (JsonElement t : s.getAsJsonArray("tasks_list")) {
            if (t.getAsJsonObject().get("name").getAsString().equals(taskId)) task0 = t.getAsJsonObject();
        }
        assertNotNull(task0, "tasks://list has the task: " + s.get("tasks_list"));
        assertEquals(1, task0.getAsJsonObject("by_status").get("finished").getAsInt(), "the killed agent: " + task0);
        assertEquals(runId, s.getAsJsonObject("run_resource").get("run_id").getAsString());
        assertTrue(strings(s.getAsJsonArray("templates")).contains("task://{task_id}/status"), context);

        JsonObject usage = ok(s, "usage");
        List<JsonObject> metas = allMetas();
        long input = metas.stream().filter(m -> m.get("usage") != null && m.get("usage").isJsonObject())
                .mapToLong(m -> m.getAsJsonObject("usage").get("input_tokens").getAsLong()).sum();
        assertTrue(input > 0, "runs recorded tokens: " + metas);
        assertEquals("project", usage.get("by").getAsString(), context);
        assertEquals(metas.size(), usage.getAsJsonObject("total").get("runs").getAsInt(), "every run counted: " + usage);
        assertEquals(input, usage.getAsJsonObject("total").get("input_tokens").getAsLong(), "as the metas add up: " + usage);
        assertEquals(1, usage.getAsJsonArray("rows").size(), "one project: " + usage);
        JsonObject badBy = s.getAsJsonObject("usage_bad_by");
        assertTrue(badBy.get("isError").getAsBoolean(), context);
        assertTrue(badBy.get("text").getAsString().startsWith("argument 'by' must be one of "), context);

        JsonObject malformed = s.getAsJsonObject("malformed_line");
        assertTrue(malformed.get("pingAfter").getAsBoolean(), context);
        assertTrue(malformed.getAsJsonArray("clientSaw").toString().contains("-32700"), "the parse error reached the client: " + malformed);
    }

    private JsonObject runClient() {
        Map<String, String> e = new HashMap<>(env.env());
        e.put("MCP_SDK_DIR", McpSdk.dir().toString());
        JsonArray argv = new JsonArray();
        TestEnv.agentctlArgv().forEach(argv::add);
        e.put("AGENTCTL_ARGV", argv.toString());
        e.put("PROJECT_DIR", env.project.toString());
        Path script = TestEnv.ROOT.resolve("src/test/resources/mcp/sdk-client.mjs");
        ProcResult r = Procs.run(List.of("node", script.toString()), env.project, e, null, Duration.ofMinutes(5));
        assertEquals(0, r.exit(), "the client script failed: " + r);
        String last = r.out().strip().lines().reduce((a, b) -> b).orElse("");
        return JsonParser.parseString(last).getAsJsonObject();
    }

    /** A step's structured content, after checking it is not an error. */
    private static JsonObject ok(JsonObject steps, String name) {
        JsonObject step = steps.getAsJsonObject(name);
        assertNotNull(step, "no step " + name);
        assertFalse(step.has("threw") || step.get("isError").getAsBoolean(), name + " failed: " + step);
        return step.getAsJsonObject("structured");
    }


    private List<JsonObject> allMetas() throws java.io.IOException {
        try (var dirs = Files.list(env.home.resolve("runs"))) {
            return dirs.filter(d -> !d.getFileName().toString().startsWith(".")).map(d -> {
                try {
                    return JsonParser.parseString(Files.readString(d.resolve("meta.json"))).getAsJsonObject();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }
    }

    private static List<String> ids(JsonArray metas) {
        return metas.asList().stream().map(m -> m.getAsJsonObject().get("run_id").getAsString()).collect(Collectors.toList());
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(JsonElement::getAsString).collect(Collectors.toList());
    }
}
