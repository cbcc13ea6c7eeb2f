package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start refuses bad input with exit 2 and one line naming the problem, and leaves no run behind. */
class StartCommandTest {
    @TempDir Path tmp;
    Path home;
    Path project;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        project = Files.createDirectories(tmp.resolve("project"));
        Path fakeCodex = tmp.resolve("bin/codex");
        Files.createDirectories(fakeCodex.getParent());
        Files.writeString(fakeCodex, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(fakeCodex, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>(System.getenv());
        env.put("AI_ORCH_HOME", home.toString());
        env.put("PATH", fakeCodex.getParent() + ":/usr/bin:/bin");
        assertEquals(0, CliRun.run(env, project, null, false, "init").exit);
    }

    private CliRun start(String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "start";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(env, project, stdin, false, all);
    }

    private void assertRefused(CliRun r, String mentions) throws Exception {
        assertEquals(2, r.exit, r.toString());
        assertEquals(1, r.err.strip().split("\n").length, "one line: " + r.err);
        assertTrue(r.err.contains(mentions), "should mention '" + mentions + "': " + r.err);
        assertEquals("", r.out);
        try (var s = Files.list(home.resolve("runs"))) {
            assertEquals(List.of(), s.toList(), "nothing left behind");
        }
    }

    private void config(String key, String value) throws Exception {
        JsonObject c = Json.readObject(home.resolve("config.json"));
        c.addProperty(key, value);
        Json.writeAtomically(home.resolve("config.json"), c);
    }

    @Test
    void refusesBadInput() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertRefused(start("p", "--project", "nope"), "unknown project");
        assertRefused(start("p", "--project", tmp.resolve("missing").toString()), "does not exist");
        assertRefused(start("p", "--project", file.toString()), "not a directory");
        assertRefused(start(""), "prompt is empty");
        assertRefused(start("  \n\t"), "prompt is empty");
        assertRefused(start(null, "--prompt-file", "missing.md"), "missing.md");
        assertRefused(start("p", "--run-id", "../x"), "bad run id");
        assertRefused(start("p", "--run-id", "a/b"), "bad run id");
        assertRefused(start("p", "--run-id", ""), "run id is empty");
        assertRefused(start("p", "--run-id", "r".repeat(300)), "too long");
        assertRefused(start("p", "--timeout", "soon"), "bad duration");
        assertRefused(start("p", "--profile", "nope"), "unknown profile");
        assertRefused(start("p", "--sandbox", "yolo"), "--sandbox");
        assertRefused(start("p", "--agent", "gemini"), "--agent must be one of [codex, claude], not 'gemini'");
    }

    @Test
    void refusesAClaudeBinThatCannotRunOnlyWhenClaudeRuns() throws Exception {
        config("claude_bin", "no-such-claude");
        assertRefused(start("p", "--agent", "claude"), "claude_bin 'no-such-claude' is not on PATH; install it with "
                + "'npm install -g @anthropic-ai/claude-code@" + dev.agentctl.claude.ClaudeBackend.TESTED_VERSION + "'");
    }

    /** An id starting with '-' would be read as an option by the supervisor: a run that never starts. */
    @Test
    void refusesARunIdThatDoesNotStartWithALetterOrDigit() throws Exception {
        assertRefused(start("p", "--run-id", "-x"), "bad run id");
        assertRefused(start("p", "--run-id=-x"), "bad run id");
        assertRefused(start("p", "--run-id", "_x"), "bad run id");
    }

    @Test
    void refusesAPromptOverTenMiB() throws Exception {
        Path big = tmp.resolve("big.md");
        Files.write(big, new byte[10 * 1024 * 1024 + 1]);
        assertRefused(start(null, "--prompt-file", big.toString()), "10 MiB");
    }

    @Test
    void refusesACodexBinThatCannotRun() throws Exception {
        Path notExec = Files.writeString(tmp.resolve("codex-not-exec"), "#!/bin/sh\n");
        config("codex_bin", notExec.toString());
        assertRefused(start("p"), "not an executable");
        config("codex_bin", "no-such-codex");
        assertRefused(start("p"), "not on PATH");
    }

    @Test
    void withoutTmuxItRunsDetachedWithAWarning() throws Exception {
        env.put("PATH", tmp.resolve("bin").toString()); // the fake codex only: no tmux, no git
        // A prompt that is not valid UTF-8 reaches codex byte for byte, not rewritten to U+FFFD.
        byte[] prompt = {'d', 'o', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '\n'};
        Path promptFile = Files.write(tmp.resolve("prompt.bin"), prompt);
        CliRun r = start(null, "--prompt-file", promptFile.toString());
        assertEquals(0, r.exit, r.toString());
        assertArrayEquals(prompt, Files.readAllBytes(home.resolve("runs").resolve(r.out.strip()).resolve("prompt.md")));
        assertTrue(r.err.contains("tmux is not installed; running detached"), r.err);
        String id = r.out.strip();
        Path meta = home.resolve("runs").resolve(id).resolve("meta.json");
        dev.agentctl.testing.Procs.await("detached run finished", java.time.Duration.ofSeconds(60), () -> {
            try {
                return Files.readString(meta).contains("\"status\": \"finished\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        JsonObject m = Json.readObject(meta);
        assertEquals("detached", m.get("launcher").getAsString());
        // The fake codex printed no events: an honest failure, not a success.
        assertEquals("failed", m.get("outcome").getAsString(), m.toString());
        long supervisor = m.get("supervisor_pid").getAsLong();
        dev.agentctl.testing.Procs.await("supervisor exited", java.time.Duration.ofSeconds(30),
                () -> dev.agentctl.testing.Procs.gone(supervisor));
        assertTrue(Files.readString(home.resolve("runs").resolve(id).resolve("pane.log")).contains("failed"));
    }

    @Test
    void refusesTmuxLauncherWithoutTmux() throws Exception {
        config("launcher", "tmux");
        env.put("PATH", tmp.resolve("bin").toString()); // codex only: no tmux here
        assertRefused(start("p"), "tmux is not installed");
    }
}
