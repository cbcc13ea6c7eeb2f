package dev.agentctl.doctor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.CodexBinary;
import dev.agentctl.testing.PrivateTmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor in this JVM, without the live turn (DoctorIT covers that): each failure provoked, its ✗ line and fix exact. */
class DoctorTest {
    private static final String FAIL = Status.FAIL.symbol(DoctorReport.unicodeOutput());
    private static final String OK = Status.OK.symbol(DoctorReport.unicodeOutput());

    @TempDir
    Path dir;
    private Path home;
    private Map<String, String> env;
    private PrivateTmux tmux;
    private String socket;

    @BeforeEach
    void setUp() throws Exception {
        home = dir.resolve("home");
        env = new HashMap<>(System.getenv());
        env.remove("TMUX");
        env.put("AI_ORCH_HOME", home.toString());
        env.put("CODEX_HOME", Files.createDirectories(dir.resolve("codex-home")).toString());
        // A provider that needs no key, so the credentials check passes without a login (DoctorCredentialsTest).
        dev.agentctl.offline.CodexHomeWriter.write(dir.resolve("codex-home"), "http://127.0.0.1:9/v1");
        env.put("PATH", Path.of(CodexBinary.path()).getParent() + ":" + System.getenv("PATH"));
        assertEquals(0, cli("init").exit);
        tmux = PrivateTmux.create();
        socket = tmux.socket();
        config(c -> {
            c.addProperty("tmux_socket", socket);
            c.addProperty("tmux_session", "doctor");
        });
    }

    @AfterEach
    void tearDown() {
        tmux.close();
    }

    @Test
    void aHealthySetupPassesWithExitZero() {
        CliRun r = cli("doctor", "--no-live");
        assertEquals(0, r.exit, r.toString());
        assertFalse(r.out.contains(FAIL + " "), r.toString());
        for (String check : List.of("java", "tmux", "git", "codex", "codex version", "CODEX_HOME", "workspace", "config",
                "profiles", "projects", "output schema")) {
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith(OK + " " + check + ": ")), check + " ok in:\n" + r.out);
        }
        assertTrue(r.out.contains("! tmux session: 'doctor' does not exist on tmux server -L " + socket
                + " yet; agentctl start creates it\n"), r.out);
        assertTrue(r.out.contains("All checks passed (1 warning)."), r.out);
        assertFalse(r.out.contains("live codex turn"), "--no-live skips the live turn");
    }

    @Test
    void missingCodexIsAFailureWithTheInstallHint() throws Exception {
        config(c -> c.addProperty("codex_bin", "/nonexistent/codex"));
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " codex: codex_bin '/nonexistent/codex' is not an executable file",
                "install it: " + dev.agentctl.codex.CodexVersion.INSTALL_HINT + "; or set codex_bin in " + home.resolve("config.json")
                        + " to the codex executable");
        assertFalse(r.out.contains("codex version"), "no version check without a codex");

        config(c -> c.addProperty("codex_bin", "codex"));
        env.put("PATH", dir.resolve("empty-bin").toString());
        r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " codex: codex_bin 'codex' is not on PATH",
                "install it: " + dev.agentctl.codex.CodexVersion.INSTALL_HINT + "; or set codex_bin in " + home.resolve("config.json")
                        + " to the codex executable");
    }

    @Test
    void claudeIsCheckedOnlyWhenAProfileRunsIt() throws Exception {
        assertFalse(cli("doctor", "--no-live").out.contains("claude"), "no claude profile, no claude check");
        config(c -> {
            c.add("profiles", dev.agentctl.store.Json.parseObject("{\"cl\": {\"agent\": \"claude\"}}", "t"));
            c.addProperty("claude_bin", "/nonexistent/claude");
        });
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " claude: claude_bin '/nonexistent/claude' is not an executable file (profile cl runs claude)",
                "install it: npm install -g @anthropic-ai/claude-code@" + dev.agentctl.claude.ClaudeBackend.TESTED_VERSION + "; or set claude_bin in " + home.resolve("config.json"));
        config(c -> c.addProperty("claude_bin", dev.agentctl.testing.ClaudeBinary.path()));
        r = cli("doctor", "--no-live");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains(OK + " claude version: " + dev.agentctl.claude.ClaudeBackend.TESTED_VERSION + " (Claude Code)\n"), r.out);
        assertFalse(r.out.contains("live claude turn"), r.out);
    }

    @Test
    void aCodexOutsideTheTestedVersionsIsAWarning() throws Exception {
        for (String version : List.of(dev.agentctl.codex.CodexVersion.TESTED, dev.agentctl.codex.CodexVersion.PREVIOUS, "0.170.1")) {
            Path fake = dir.resolve("fake-codex-" + version);
            Files.writeString(fake, "#!/bin/sh\necho 'codex-cli " + version + "'\n");
            fake.toFile().setExecutable(true);
            config(c -> c.addProperty("codex_bin", fake.toString()));
            CliRun r = cli("doctor", "--no-live");
            boolean tested = !version.equals("0.170.1");
            assertEquals(tested, r.out.contains(OK + " codex version: codex-cli " + version + "\n"), r.out);
            assertEquals(!tested, r.out.contains("! codex version: codex-cli " + version
                    + "; agentctl is tested with " + dev.agentctl.codex.CodexVersion.testedSeries() + "\n"), r.out);
        }
    }

    @Test
    void aCorruptConfigIsAFailureAndTheOtherChecksGoOnWithDefaults() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"codex_bin\": ");
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " config: " + home.resolve("config.json") + " is not valid JSON",
                "fix " + home.resolve("config.json") + ", or move it away and run 'agentctl init' to write a fresh one");
        assertTrue(r.out.contains(OK + " codex: "), "codex checked with the default codex_bin:\n" + r.out);
        assertEquals(1, r.out.lines().filter(l -> l.startsWith(FAIL + " ")).count(), "one cause, one failure:\n" + r.out);
    }

    @Test
    void aBadSettingIsNamed() throws Exception {
        config(c -> c.addProperty("stall_action", "explode"));
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " config: " + home.resolve("config.json") + ": stall_action must be \"notify\" or \"kill\", not \"explode\"",
                "edit " + home.resolve("config.json"));
    }

    @Test
    void aBadProfileIsAFailure() throws Exception {
        config(c -> c.add("profiles", Json.parseObject("{\"fast\": {\"model\": \"m\", \"sandbox\": \"yolo\"}}", "t")));
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " profiles: profile 'fast': sandbox must be one of " + dev.agentctl.workspace.Profile.SANDBOXES
                + ", not 'yolo'", "edit the profiles in " + home.resolve("config.json"));
    }

    @Test
    void aRegisteredProjectWhoseDirectoryIsGoneIsAFailure() throws Exception {
        Path project = Files.createDirectories(dir.resolve("proj"));
        assertEquals(0, cli("add-project", "proj", project.toString()).exit);
        Path real = project.toRealPath();
        Files.delete(project);
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " project proj: " + real + " is missing or not a directory",
                "restore the directory, re-register it (agentctl add-project proj DIR), or agentctl remove-project proj");
    }

    @Test
    void aLaxOutputSchemaIsAFailure() throws Exception {
        Path schema = home.resolve("codex_output_schema.json");
        Files.writeString(schema, "{\"type\":\"object\",\"required\":[\"goal_met\"],"
                + "\"properties\":{\"goal_met\":{\"type\":\"boolean\"}}}");
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " output schema: " + schema + " is not strict-valid: In context=(), 'additionalProperties' is"
                + " required to be supplied and to be false.", "delete " + schema + " and run 'agentctl init' (it writes the strict default)");
    }

    @Test
    void aSendKeysTargetThatDoesNotExistIsAFailure() throws Exception {
        String realPane = tmux.newSession("doctor", 80, 24, "sleep", "600");
        config(c -> c.addProperty("tmux_sendkeys_target", "%999"));
        CliRun r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertLine(r, FAIL + " tmux send-keys target: pane %999 not found on tmux server -L " + socket,
                "set tmux_sendkeys_target in " + home.resolve("config.json") + " to an existing pane (its id: run 'tmux -L "
                        + socket + " display -p \"#{pane_id}\"' in it), or to \"\" to turn send-keys off");
        assertTrue(r.out.contains(OK + " tmux session: 'doctor' is running on tmux server -L " + socket + "\n"), r.out);

        config(c -> c.addProperty("tmux_sendkeys_target", realPane));
        r = cli("doctor", "--no-live");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains(OK + " tmux send-keys target: " + realPane + " exists on tmux server -L " + socket + "\n"), r.out);

        tmux.tmux().killServer(); // no server at all: the target cannot be reached either
        r = cli("doctor", "--no-live");
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.out.contains(FAIL + " tmux send-keys target: pane " + realPane + " not found on tmux server -L " + socket), r.out);
    }

    @Test
    void jsonHasOneObjectPerCheckWithStatusWords() throws Exception {
        config(c -> c.addProperty("codex_bin", "/nonexistent/codex"));
        CliRun r = cli("doctor", "--no-live", "--json");
        assertEquals(1, r.exit, r.toString());
        JsonArray a = JsonParser.parseString(r.out).getAsJsonArray();
        JsonObject codex = null;
        for (var e : a) {
            JsonObject o = e.getAsJsonObject();
            assertTrue(List.of("ok", "fail", "warn").contains(o.get("status").getAsString()), o.toString());
            assertEquals(o.get("status").getAsString().equals("ok"), o.get("fix").isJsonNull(), "a fix for every problem: " + o);
            if (o.get("check").getAsString().equals("codex")) codex = o;
        }
        assertNotNull(codex, r.out);
        assertEquals("fail", codex.get("status").getAsString());
        assertEquals("codex_bin '/nonexistent/codex' is not an executable file", codex.get("detail").getAsString());
    }

    @Test
    void doctorDoesNotCreateAMissingWorkspace() {
        Path missing = dir.resolve("no-such-home");
        CliRun r = CliRun.run(env, dir, null, false, "--home", missing.toString(), "doctor", "--no-live");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("! workspace: " + missing + " does not exist yet\n"), r.out);
        assertFalse(Files.exists(missing));
    }

    @Test
    void turnFailureMessagesAreUnwrappedFromTheApiErrorBody() {
        String stdout = "{\"type\":\"thread.started\",\"thread_id\":\"t\"}\n"
                + "{\"type\":\"turn.failed\",\"error\":{\"message\":\"{\\\"error\\\": {\\\"message\\\": \\\"Invalid schema: x\\\"}}\"}}\n";
        assertEquals("Invalid schema: x", LiveCheck.turnFailure(stdout));
        assertEquals("plain", LiveCheck.turnFailure("{\"type\":\"turn.failed\",\"error\":{\"message\":\"plain\"}}"));
        assertNull(LiveCheck.turnFailure("{\"type\":\"turn.completed\"}\nnot json"));
    }

    @Test
    void aCheckThatThrowsIsReportedAndTheOthersStillRun() {
        Check broken = ctx -> {
            throw new IllegalStateException("boom");
        };
        Check fine = ctx -> List.of(CheckResult.ok("fine", "yes"));
        List<CheckResult> results = new Doctor(List.of(broken, fine)).run(null);
        assertEquals(2, results.size());
        assertEquals(Status.FAIL, results.get(0).status());
        assertTrue(results.get(0).detail().contains("boom"));
        assertTrue(Doctor.anyFailed(results));
        assertEquals("fine", results.get(1).check());
    }

    private void assertLine(CliRun r, String line, String fix) {
        String expected = line + "\n    fix: " + fix + "\n";
        assertTrue(r.out.contains(expected), "expected:\n" + expected + "in:\n" + r.out);
    }

    private CliRun cli(String... args) {
        return CliRun.run(env, dir, null, false, args);
    }

    private void config(Consumer<JsonObject> change) throws Exception {
        JsonObject c = Json.readObject(home.resolve("config.json"));
        change.accept(c);
        Json.writeAtomically(home.resolve("config.json"), c);
    }
}
