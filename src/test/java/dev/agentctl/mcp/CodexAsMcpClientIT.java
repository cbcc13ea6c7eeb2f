package dev.agentctl.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.agentctl.offline.Markers;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * codex itself as the MCP client: the run's codex has `agentctl mcp` configured as an MCP server, the
 * offline model calls its start_run tool, and so one agent starts another. The child records its parent,
 * and the anti-spiral limits apply to a start made this way as to any other.
 */
class CodexAsMcpClientIT extends RealRunTest {
    @Test
    void anAgentStartsAnotherThroughTheMcpServer() throws Exception {
        configureAgentctlAsMcpServer(env.codexHome);
        JsonObject args = new JsonObject();
        args.addProperty("prompt", "child task");
        args.addProperty("project", env.project.toString());
        args.addProperty("title", "child");
        String parent = env.start("Start a helper. " + Markers.mcpCall("agentctl", "start_run", args.toString()), "--title", "parent");

        JsonObject done = env.waitFor(parent, "80s");
        assertEquals("succeeded", done.get("outcome").getAsString(), "parent: " + done);
        List<String> others;
        try (Stream<Path> dirs = Files.list(env.home.resolve("runs"))) {
            others = dirs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals(parent))
                    .collect(Collectors.toList());
        }
        assertEquals(1, others.size(), "exactly one child run: " + others + "; parent: " + done);
        String child = others.get(0);
        assertTrue(done.get("summary").getAsString().contains(child), "the tool's answer named the child: " + done);
        JsonObject childMeta = env.waitFor(child, "80s");
        assertEquals(parent, childMeta.get("parent_run_id").getAsString(), "child: " + childMeta);
        assertEquals(parent, childMeta.get("spawned_by").getAsString(), "child: " + childMeta);
        assertEquals(1, childMeta.get("depth").getAsInt(), "child: " + childMeta);
        assertEquals("child", childMeta.get("title").getAsString());
        assertEquals("succeeded", childMeta.get("outcome").getAsString(), "child: " + childMeta);
    }

    @Test
    void maxDepthRefusesAStartMadeThroughTheMcpServer() throws Exception {
        configureAgentctlAsMcpServer(env.codexHome);
        env.config(c -> c.addProperty("max_depth", 0));
        JsonObject args = new JsonObject();
        args.addProperty("prompt", "child task");
        args.addProperty("project", env.project.toString());
        String parent = env.start("Start a helper. " + Markers.mcpCall("agentctl", "start_run", args.toString()), "--title", "parent");

        JsonObject done = env.waitFor(parent, "80s");
        assertTrue(done.get("summary").getAsString().contains("refused: max_depth 0 reached"),
                "the tool's answer was the refusal: " + done);
        try (Stream<Path> dirs = Files.list(env.home.resolve("runs"))) {
            assertEquals(List.of(parent), dirs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(Collectors.toList()), "no child run was made");
        }
        String violations = Files.readString(env.home.resolve("violations.jsonl"));
        assertTrue(violations.contains("\"rule\":\"max_depth\"") && violations.contains(parent), violations);
    }

    /**
     * [mcp_servers.agentctl] as the README documents it. codex gives an MCP server only a few variables
     * of its own environment; env_vars passes on the workspace, codex's home and the run id.
     */
    static void configureAgentctlAsMcpServer(Path codexHome) throws Exception {
        List<String> argv = TestEnv.agentctlArgv();
        StringBuilder toml = new StringBuilder("\n[mcp_servers.agentctl]\n");
        toml.append("command = ").append(quoted(argv.get(0))).append('\n');
        toml.append("args = [");
        for (String a : argv.subList(1, argv.size())) toml.append(quoted(a)).append(", ");
        toml.append("\"mcp\"]\n");
        toml.append("env_vars = [\"AI_ORCH_HOME\", \"CODEX_HOME\", \"AGENTCTL_RUN_ID\"]\n");
        toml.append("default_tools_approval_mode = \"approve\"\n");
        toml.append("startup_timeout_sec = 30\n");
        Files.writeString(codexHome.resolve("config.toml"), toml, StandardOpenOption.APPEND);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
