package dev.agentctl.claude;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.OutputSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCommandTest {
    private static final String SCHEMA = "{\"type\":\"object\"}";

    private static AgentInvocation inv(String model, String effort, String sandbox, String resume) {
        return new AgentInvocation("/bin/claude", Path.of("/p"), model, effort, sandbox, Path.of("/w/schema.json"),
                Path.of("/r/last_message.json"), resume);
    }

    @Test
    void noSandboxBypassesPermissionsAndTheSchemaGoesInline() {
        assertEquals(List.of("/bin/claude", "-p", "--output-format", "stream-json", "--verbose", "--json-schema", SCHEMA,
                "--permission-mode", "bypassPermissions"), ClaudeCommand.argv(inv(null, null, null, null), SCHEMA));
    }

    @Test
    void sandboxesMapToPermissionModesAndReadOnlyAllowsOnlyReadTools() {
        List<String> ro = ClaudeCommand.argv(inv(null, null, "read-only", null), SCHEMA);
        assertEquals(List.of("--permission-mode", "default", "--allowedTools", "Read,Glob,Grep"), ro.subList(7, ro.size()));
        assertTrue(ClaudeCommand.argv(inv(null, null, "workspace-write", null), SCHEMA).contains("acceptEdits"));
        assertTrue(ClaudeCommand.argv(inv(null, null, "danger-full-access", null), SCHEMA).contains("bypassPermissions"));
        AgentctlException e = assertThrows(AgentctlException.class, () -> ClaudeCommand.argv(inv(null, null, "bogus", null), SCHEMA));
        assertTrue(e.getMessage().contains("'bogus'"), e.getMessage());
    }

    @Test
    void aQueuedMessageGetsTheSessionItContinuesAndOnlyThatOne() {
        List<String> fresh = ClaudeCommand.argv(inv(null, null, null, null), SCHEMA);
        List<String> resumed = ClaudeCommand.withResume(fresh, "s-1");
        assertEquals(List.of("--resume", "s-1"), resumed.subList(resumed.size() - 2, resumed.size()));
        assertEquals(fresh, resumed.subList(0, fresh.size()));
        List<String> again = ClaudeCommand.withResume(resumed, "s-2");
        assertEquals(resumed.size(), again.size(), "the old --resume is replaced, not kept");
        assertEquals("s-2", again.get(again.size() - 1));
        assertFalse(again.contains("s-1"));
        assertThrows(AgentctlException.class, () -> ClaudeCommand.withResume(fresh, "-rf"));
        assertThrows(AgentctlException.class, () -> ClaudeCommand.withResume(fresh, null));
    }

    @Test
    void modelEffortAndResume() {
        List<String> a = ClaudeCommand.argv(inv("sonnet", "minimal", "workspace-write", "46b8a520-bcb5"), SCHEMA);
        assertEquals(List.of("--model", "sonnet", "--effort", "low", "--permission-mode", "acceptEdits", "--resume", "46b8a520-bcb5"),
                a.subList(7, a.size()));
        assertTrue(ClaudeCommand.argv(inv(" ", "", null, null), SCHEMA).stream().noneMatch(s -> s.equals("--model") || s.equals("--effort")));
        assertThrows(AgentctlException.class, () -> ClaudeCommand.argv(inv(null, "extreme", null, null), SCHEMA));
        assertThrows(AgentctlException.class, () -> ClaudeCommand.argv(inv(null, null, null, "--help"), SCHEMA));
    }

    @Test
    void theSchemaIsTheWorkspaceFileOnOneLineOrTheBuiltInOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("schema.json");
        Files.writeString(f, "{\n  \"type\": \"object\",\n  \"required\": []\n}\n");
        assertEquals("{\"type\":\"object\",\"required\":[]}", ClaudeBackend.schemaJson(f));
        String builtIn = ClaudeBackend.schemaJson(dir.resolve("missing.json"));
        assertFalse(builtIn.contains("\n"));
        assertTrue(builtIn.contains("\"additionalProperties\":false") && OutputSchema.TEXT.contains("followup_prompt"), builtIn);
        Files.writeString(f, "{not json");
        assertThrows(AgentctlException.class, () -> ClaudeBackend.schemaJson(f));
    }

    @Test
    void bypassAsRootSetsIsSandboxAndNothingElseChangesTheEnvironment() {
        ClaudeBackend b = new ClaudeBackend();
        java.util.Map<String, String> caller = java.util.Map.of("PATH", "/bin");
        assertEquals(RootUser.isRoot() ? "1" : null, b.environment(caller, null).get("IS_SANDBOX"));
        assertEquals(RootUser.isRoot() ? "1" : null, b.environment(caller, "danger-full-access").get("IS_SANDBOX"));
        assertEquals(caller, b.environment(caller, "workspace-write"), "a sandboxed mode needs no IS_SANDBOX");
        assertEquals(caller, b.environment(caller, "read-only"));
        assertEquals("/bin", b.environment(caller, null).get("PATH"));
    }

    @Test
    void rootIsDetectedFromTheProcessUid() throws Exception {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assertEquals(((Integer) uid) == 0, RootUser.isRoot());
    }
}
