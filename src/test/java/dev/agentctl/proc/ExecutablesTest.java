package dev.agentctl.proc;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir Path prefix;

    private Path installedCodex() throws Exception {
        Path codex = prefix.resolve("share/agentctl/bin/codex");
        Files.createDirectories(codex.getParent());
        Files.writeString(codex, "#!/bin/sh\n");
        Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));
        return codex;
    }

    @Test
    void aBareNameNotOnPathIsTheOneInstalledNextToAgentctl() throws Exception {
        Path codex = installedCodex();
        Map<String, String> env = Map.of("AGENTCTL_LAUNCHER", prefix.resolve("bin/agentctl").toString());
        assertEquals(codex, Executables.agent("codex_bin", "codex", "npm i codex", prefix.resolve("empty").toString(), prefix, env));
        assertNull(Executables.locateAgent("claude", prefix.resolve("empty").toString(), prefix, env), "nothing installed for it");
    }

    @Test
    void withoutTheLauncherOrWithAPathNothingElseIsLookedAt() throws Exception {
        installedCodex();
        AgentctlException e = assertThrows(AgentctlException.class,
                () -> Executables.agent("codex_bin", "codex", "npm i codex", prefix.resolve("empty").toString(), prefix, Map.of()));
        assertTrue(e.getMessage().startsWith("codex_bin 'codex' is not on PATH; install it with 'npm i codex'"), e.getMessage());
        Map<String, String> env = Map.of("AGENTCTL_LAUNCHER", prefix.resolve("bin/agentctl").toString());
        e = assertThrows(AgentctlException.class,
                () -> Executables.agent("codex_bin", "./codex", "npm i codex", null, prefix, env));
        assertEquals("codex_bin ./codex is not an executable file (config.json codex_bin)", e.getMessage());
    }
}
