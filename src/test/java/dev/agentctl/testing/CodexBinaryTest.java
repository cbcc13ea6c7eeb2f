package dev.agentctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexBinaryTest {
    @TempDir
    Path tmp;

    private Path fakeCodex(Path dir, String versionLine) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("codex");
        Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void environmentVariableWins() throws Exception {
        Path codex = fakeCodex(tmp.resolve("env"), "anything");
        assertEquals(codex.toString(), CodexBinary.find(Map.of(CodexBinary.ENV, codex.toString()), tmp.toString()));
        AssertionError e = assertThrows(AssertionError.class,
                () -> CodexBinary.find(Map.of(CodexBinary.ENV, tmp.resolve("missing").toString()), tmp.toString()));
        assertTrue(e.getMessage().contains("not an executable"));
    }

    @Test
    void codexOnPathMustHaveThePinnedVersion() throws Exception {
        Path wrong = fakeCodex(tmp.resolve("old"), "codex-cli 0.1.0");
        Path right = fakeCodex(tmp.resolve("new"), "codex-cli " + CodexBinary.VERSION);
        String path = wrong.getParent() + ":" + right.getParent();
        assertEquals(right.toString(), CodexBinary.find(Map.of("PATH", path), tmp.resolve("home").toString()));
    }

    @Test
    void fallsBackToTheInstallCacheThenFailsWithAHint() throws Exception {
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "PATH", tmp.resolve("empty").toString());
        AssertionError e = assertThrows(AssertionError.class, () -> CodexBinary.find(env, tmp.toString()));
        assertTrue(e.getMessage().contains("./install.sh --test"), e.getMessage());

        Path installed = fakeCodex(cache.resolve("agentctl/codex-" + CodexBinary.VERSION + "/node_modules/.bin"), "x");
        assertEquals(installed.toString(), CodexBinary.find(env, tmp.toString()));
    }
}
