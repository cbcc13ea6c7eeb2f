package dev.agentctl.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.Io;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Tool;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.Json;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Violations;
import dev.agentctl.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools on a real workspace, for what is decided before any codex runs: the tool list, argument errors,
 * groups, the compatibility tools' answers and the anti-spiral refusals. Real runs are McpSdkClientIT's.
 */
class AgentctlToolsTest {
    static final String PARENT = "20260101-000000-aaaaaa";
    @TempDir Path home;
    @TempDir Path project;
    Workspace ws;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();
    Map<String, Tool> tools;

    @BeforeEach
    void setUp() throws Exception {
        ws = new Workspace(home).ensure();
        // A start is refused before codex would run; codex must only be found.
        JsonObject config = new JsonObject();
        config.addProperty("codex_bin", "/bin/true");
        Json.writeAtomically(ws.configFile(), config);
        env.put("PATH", System.getenv("PATH"));
        tools = new HashMap<>();
        Services services = new Services(ws, new Io(InputStream.nullInputStream(), new PrintStream(err), new PrintStream(err),
                env, project, false));
        for (Tool t : AgentctlTools.all(services, Duration.ofMillis(100))) tools.put(t.name(), t);
    }

    private ToolResult call(String tool, String args) throws Exception {
        return tools.get(tool).call(new ToolArgs(JsonParser.parseString(args).getAsJsonObject()), CallContext.NONE);
    }

    private ToolResult callCatching(String tool, String args) {
        try {
            return call(tool, args);
        } catch (Exception e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private void parentRun(int depth, String group) {
        RunStore store = new RunStore(ws);
        store.createDir(RunId.of(PARENT));
        store.write(RawMeta.create().put("run_id", PARENT).put("status", "running").put("profile", "deep")
                .put("depth", depth).put("group", group).put("created_at", "2026-01-01T00:00:00Z").meta());
    }

    private List<String> runDirs() throws Exception {
        try (Stream<Path> s = Files.list(ws.runsDir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theServerOffersWhatTheIssueAsksWithSchemasAndReadOnlyHints() {
        assertEquals(Set.of("start_run", "wait_runs", "show_run", "list_runs", "run_logs", "run_diff", "kill_run", "resume_run",
                "send_to_run", "usage", "merge_run", "discard_run", "status", "group_create", "group_show", "create_real_task", "deploy_headless_agent",
                "get_real_task_status", "kill_real_agent"), tools.keySet());
        for (Tool t : tools.values()) {
            JsonObject d = t.descriptor();
            assertEquals("object", d.getAsJsonObject("inputSchema").get("type").getAsString(), t.name());
        }
        Set<String> readOnly = tools.values().stream().filter(Tool::readOnly).map(Tool::name).collect(Collectors.toSet());
        assertEquals(Set.of("wait_runs", "show_run", "list_runs", "run_logs", "run_diff", "status", "group_show",
                "usage", "get_real_task_status"), readOnly);
        assertTrue(tools.get("start_run").inputSchema().getAsJsonObject("properties").keySet().containsAll(Set.of("isolation",
                "after", "group", "base", "after_any", "queue_timeout", "no_queue")));
    }

    @Test
    void sendToRunRefusesBeforeMakingAnything() throws Exception {
        assertEquals("argument 'text' is required.", callCatching("send_to_run", "{\"run_id\":\"" + PARENT + "\"}").text());
        assertEquals("unknown run id '20990101-000000-zzzzzz'",
                callCatching("send_to_run", "{\"run_id\":\"20990101-000000-zzzzzz\",\"text\":\"x\"}").text());
        RunMeta finished = RunFixtures.write(home, PARENT, "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        new RunStore(ws).write(RawMeta.of(finished).put("thread_id", "t-1").put("work_dir", project.toString()).meta());
        ToolResult r = callCatching("send_to_run", "{\"run_id\":\"" + PARENT + "\",\"text\":\" \\n\"}");
        assertTrue(r.isError());
        assertEquals("argument 'text' must not be empty.", r.text());
        r = callCatching("send_to_run", "{\"run_id\":\"" + PARENT + "\",\"text\":\"x\",\"timeout\":\"soon\"}");
        assertTrue(r.text().startsWith("argument 'timeout'"), r.text());
        assertEquals(List.of(PARENT), runDirs());
    }

    @Test
    void usageAddsUpTokensAsTheCommandDoes() throws Exception {
        Instant now = Instant.now();
        usedRun("20260101-000000-aaaaaa", now.minus(Duration.ofDays(2)), "alpha", 1000, 10);
        usedRun("20260101-000000-bbbbbb", now.minus(Duration.ofMinutes(5)), "alpha", 200, 2);
        usedRun("20260101-000000-cccccc", now.minus(Duration.ofMinutes(1)), "beta", 30, 3);
        ToolResult r = call("usage", "{\"by\":\"project\"}");
        assertFalse(r.isError(), r.text());
        JsonObject o = r.structured();
        assertEquals("project", o.get("by").getAsString());
        JsonObject alpha = o.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals("alpha", alpha.get("project").getAsString());
        assertEquals(1200, alpha.get("input_tokens").getAsLong());
        assertEquals(2, alpha.get("runs").getAsInt());
        assertEquals(1230, o.getAsJsonObject("total").get("input_tokens").getAsLong());
        assertEquals("2 project row(s); total 3 run(s): 1230 input (0 cached), 15 output tokens", r.text());

        o = call("usage", "{\"since\":\"1h\"}").structured();
        assertEquals("run", o.get("by").getAsString());
        assertEquals(2, o.getAsJsonArray("rows").size(), "the run of two days ago is left out: " + o);
        assertEquals(o, call("usage", "{\"since\":3600}").structured(), "since in seconds as well");
        assertTrue(callCatching("usage", "{\"by\":\"week\"}").text().startsWith("argument 'by' must be one of "));
    }

    private void usedRun(String id, Instant created, String project, long in, long out) {
        RunMeta m = RunFixtures.write(home, id, created.toString(), "finished", "succeeded", project);
        JsonObject u = new JsonObject();
        u.addProperty("input_tokens", in);
        u.addProperty("output_tokens", out);
        RawMeta.of(m).put("usage", u);
        new RunStore(ws).write(m);
    }

    @Test
    void badStartArgumentsAreNamedAndLeaveNothingBehind() throws Exception {
        ToolResult r = callCatching("start_run", "{\"prompt\":\"x\",\"isolation\":\"bogus\"}");
        assertTrue(r.isError());
        assertEquals("argument 'isolation' must be one of [shared, worktree], not 'bogus'.", r.text());
        r = callCatching("start_run", "{\"prompt\":\"x\",\"after_any\":true}");
        assertEquals("argument 'after_any' needs 'after' (the runs to wait for).", r.text());
        r = callCatching("start_run", "{\"prompt\":\"x\",\"after\":[\"20990101-000000-zzzzzz\"]}");
        assertEquals("--after: unknown run id '20990101-000000-zzzzzz'", r.text());
        r = callCatching("start_run", "{\"prompt\":\"x\",\"sandbox\":\"none\"}");
        assertTrue(r.text().startsWith("argument 'sandbox' must be one of "), r.text());
        assertEquals(List.of(), runDirs());
    }

    @Test
    void startRunTakesTheAgentToRun() throws Exception {
        assertTrue(tools.get("start_run").inputSchema().getAsJsonObject("properties").has("agent"));
        ToolResult r = callCatching("start_run", "{\"prompt\":\"x\",\"agent\":\"gemini\"}");
        assertEquals("argument 'agent' must be one of [claude, codex], not 'gemini'.", r.text());
        // codex_bin runs, claude_bin does not: the refusal shows the start went to Claude Code.
        JsonObject config = new JsonObject();
        config.addProperty("codex_bin", "/bin/true");
        config.addProperty("claude_bin", project.resolve("no-claude").toString());
        Json.writeAtomically(ws.configFile(), config);
        Services services = new Services(ws, new Io(InputStream.nullInputStream(), new PrintStream(err), new PrintStream(err),
                env, project, false));
        for (Tool t : AgentctlTools.all(services, Duration.ofMillis(100))) tools.put(t.name(), t);
        r = callCatching("start_run", "{\"prompt\":\"x\",\"project\":\"" + project + "\",\"agent\":\"claude\"}");
        assertTrue(r.isError());
        assertTrue(r.text().startsWith("claude_bin " + project.resolve("no-claude") + " is not an executable file"), r.text());
        assertEquals(List.of(), runDirs());
    }

    @Test
    void aStartFromInsideARunBeyondMaxDepthIsRefusedAndRecorded() throws Exception {
        parentRun(3, "g");
        env.put("AGENTCTL_RUN_ID", PARENT); // the server runs inside that run's codex
        ToolResult r = callCatching("start_run", "{\"prompt\":\"x\",\"project\":\"" + project + "\"}");
        assertTrue(r.isError());
        assertEquals("refused: max_depth 3 reached (parent " + PARENT + " is at depth 3)", r.text());
        assertEquals(List.of(PARENT), runDirs());
        assertEquals("max_depth", new Violations(ws).all().get(0).get("rule").getAsString());
    }

    @Test
    void deployHeadlessAgentStartsAsIfFromInsideItsParent() throws Exception {
        String task = call("create_real_task", "{\"description\":\"Fix it\",\"priority\":\"high\"}").structured()
                .get("task_id").getAsString();
        assertEquals("P1", new GroupStore(ws).require(task).priority(), "the earlier interface's priorities map to P0-P3");
        parentRun(3, null);
        ToolResult r = call("deploy_headless_agent", "{\"task_id\":\"" + task + "\",\"agent_type\":\"fixer\",\"prompt\":\"x\","
                + "\"parent\":\"" + PARENT + "\"}");
        assertTrue(r.isError());
        assertFalse(r.structured().get("success").getAsBoolean());
        assertEquals("refused: max_depth 3 reached (parent " + PARENT + " is at depth 3)", r.structured().get("error").getAsString());
        r = call("deploy_headless_agent", "{\"task_id\":\"" + task + "\",\"agent_type\":\"fixer\",\"prompt\":\"x\","
                + "\"parent\":\"20990101-000000-zzzzzz\"}");
        assertTrue(r.structured().get("error").getAsString().contains("20990101-000000-zzzzzz"), r.text());
        r = call("deploy_headless_agent", "{\"task_id\":\"no-such-task\",\"agent_type\":\"fixer\",\"prompt\":\"x\"}");
        assertFalse(r.structured().get("success").getAsBoolean());
        assertEquals(List.of(PARENT), runDirs());

        JsonObject status = call("get_real_task_status", "{\"task_id\":\"" + task + "\"}").structured();
        assertTrue(status.get("success").getAsBoolean(), status.toString());
        assertEquals(0, status.get("active_agents").getAsInt());
        JsonObject spiral = status.getAsJsonObject("spiral_status");
        assertTrue(spiral.get("checked").getAsBoolean());
        assertEquals("violations", spiral.get("status").getAsString(), "the refused deploy is the task's violation: " + status);
        assertEquals(1, spiral.get("violation_count").getAsInt(), status.toString());
        assertEquals(3, spiral.get("max_depth").getAsInt());
    }

    @Test
    void compatibilityAnswersCarrySuccessAndError() throws Exception {
        ToolResult r = call("create_real_task", "{\"description\":\"x\",\"priority\":\"whenever\"}");
        assertTrue(r.isError());
        assertFalse(r.structured().get("success").getAsBoolean());
        assertEquals("argument 'priority' must be critical, high, medium, low or P0 to P3, not 'whenever'.",
                r.structured().get("error").getAsString());
        String task = call("create_real_task", "{\"description\":\"x\"}").structured().get("task_id").getAsString();
        parentRun(0, "other");
        r = call("kill_real_agent", "{\"task_id\":\"" + task + "\",\"agent_id\":\"" + PARENT + "\"}");
        assertEquals("argument 'agent_id': run " + PARENT + " is not an agent of task " + task + ".",
                r.structured().get("error").getAsString());
        assertEquals("running", new RunStore(ws).read(RunId.of(PARENT)).status(), "nothing was killed");
    }

    @Test
    void groupsAreTheCommandsGroups() throws Exception {
        ToolResult r = call("group_create", "{\"name\":\"refactor\",\"priority\":\"P2\",\"max_runs\":5,\"description\":\"d\"}");
        assertFalse(r.isError(), r.text());
        assertEquals("created group refactor", r.text());
        assertEquals(5, r.structured().get("max_runs").getAsInt());
        assertEquals("updated group refactor", call("group_create", "{\"name\":\"refactor\",\"max_runs\":6}").text());
        JsonObject shown = call("group_show", "{\"name\":\"refactor\"}").structured();
        assertEquals("P2", shown.get("priority").getAsString());
        assertEquals(6, shown.get("max_runs").getAsInt());
        assertEquals("unknown group 'nope'", callCatching("group_show", "{\"name\":\"nope\"}").text());
        ToolResult bad = callCatching("group_create", "{\"name\":\"a b\"}");
        assertTrue(bad.isError(), bad.text());
        JsonObject tasks = new AgentctlResources(new Services(ws, new Io(InputStream.nullInputStream(), new PrintStream(err),
                new PrintStream(err), env, project, false))).read("tasks://list");
        String text = tasks.get("text").getAsString();
        assertEquals("refactor", JsonParser.parseString(text).getAsJsonArray().get(0).getAsJsonObject().get("name").getAsString(), text);
    }
}
