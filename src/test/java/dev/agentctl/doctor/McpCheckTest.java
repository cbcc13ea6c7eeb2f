package dev.agentctl.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpCheckTest {
    @Test
    void theServerAnswersInitializeAndToolsListWithoutTouchingTheWorkspace(@TempDir Path dir) {
        Path home = dir.resolve("not-created");
        List<CheckResult> r = new McpCheck().run(new DoctorContext(new Workspace(home), System.getenv(), dir, false));
        assertEquals(1, r.size());
        assertEquals(Status.OK, r.get(0).status(), r.toString());
        assertTrue(r.get(0).detail().matches("agentctl mcp answers initialize \\(protocol 2025-11-25\\) and tools/list \\(\\d+ tools\\)"),
                r.get(0).detail());
        assertFalse(Files.exists(home), "doctor never creates the workspace");
    }
}
