package dev.agentctl.doctor;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.CodexBinary;
import dev.agentctl.workspace.Workspace;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor fails where a run cannot work: no credentials, a provider that does not answer; warns without a deadline. */
class DoctorCredentialsTest {
    @TempDir Path dir;
    private Path codexHome;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        codexHome = Files.createDirectories(dir.resolve("codex-home"));
        env = new HashMap<>(System.getenv());
        CredentialsCheck.OPENAI_KEY_VARIABLES.forEach(env::remove);
        env.remove("OPENAI_BASE_URL");
        env.put("AI_ORCH_HOME", dir.resolve("home").toString());
        env.put("CODEX_HOME", codexHome.toString());
        env.put("PATH", Path.of(CodexBinary.path()).getParent() + ":" + System.getenv("PATH"));
    }

    private List<CheckResult> check(Check c, boolean live) {
        return c.run(new DoctorContext(new Workspace(dir.resolve("home")), env, dir, live));
    }

    @Test
    void openAiWithoutLoginOrKeyFailsAndTheDoctorExits1() {
        List<CheckResult> r = check(new CredentialsCheck(), false);
        assertEquals(Status.FAIL, r.get(0).status(), r.toString());
        assertTrue(r.get(0).detail().contains("not logged in"), r.toString());
        assertTrue(r.get(0).fix().contains("codex login") && r.get(0).fix().contains("OPENAI_API_KEY"), r.toString());
        CliRun cli = CliRun.run(env, dir, null, false, "doctor", "--no-live");
        assertEquals(1, cli.exit, cli.toString());
        assertTrue(cli.out.contains("credentials: codex is not logged in"), cli.out);
        assertFalse(cli.out.contains("All checks passed"), cli.out);
    }

    @Test
    void anApiKeyCounts() {
        env.put("OPENAI_API_KEY", "sk-test");
        assertEquals(Status.OK, check(new CredentialsCheck(), false).get(0).status());
    }

    @Test
    void aProviderWithEnvKeyNeedsThatVariable() throws Exception {
        Files.writeString(codexHome.resolve("config.toml"), "model_provider = \"azure\"\n\n[model_providers.azure]\n"
                + "name = \"Azure\"\nbase_url = \"https://example.invalid/openai\"\nenv_key = \"AZURE_OPENAI_API_KEY\"\n");
        env.remove("AZURE_OPENAI_API_KEY");
        CheckResult r = check(new CredentialsCheck(), false).get(0);
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.detail().contains("$AZURE_OPENAI_API_KEY, which is not set"), r.detail());
        env.put("AZURE_OPENAI_API_KEY", "k");
        assertEquals(Status.OK, check(new CredentialsCheck(), false).get(0).status());
    }

    @Test
    void anUnreachableProviderFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        dev.agentctl.offline.CodexHomeWriter.write(codexHome, "http://127.0.0.1:" + port + "/v1");
        CheckResult r = check(new ProviderCheck(), true).get(0);
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertTrue(r.detail().contains("127.0.0.1:" + port) && r.detail().contains("does not answer"), r.detail());
        assertTrue(check(new ProviderCheck(), false).isEmpty(), "--no-live sends nothing over the network");
    }

    @Test
    void aProviderThatNeverAnswersFailsWithinTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts connections (the backlog) and never answers
            dev.agentctl.offline.CodexHomeWriter.write(codexHome, "http://127.0.0.1:" + silent.getLocalPort() + "/v1");
            long started = System.nanoTime();
            CheckResult r = check(new ProviderCheck(), true).get(0);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(Status.FAIL, r.status(), r.toString());
            assertTrue(seconds <= ProviderCheck.TIME_LIMIT.toSeconds() + 2, "took " + seconds + " s");
        }
    }

    @Test
    void aProviderThatAnswersPasses() throws Exception {
        try (OfflineModelServer model = OfflineModelServer.start()) {
            model.writeCodexHome(codexHome);
            CheckResult r = check(new ProviderCheck(), true).get(0);
            assertEquals(Status.OK, r.status(), r.toString());
            assertEquals(Status.OK, check(new CredentialsCheck(), false).get(0).status(), "the mock needs no key");
        }
    }

    @Test
    void noDeadlineIsAWarning() throws Exception {
        assertEquals(0, CliRun.run(env, dir, null, false, "config", "set", "default_timeout", "null").exit);
        List<CheckResult> r = check(new ConfigCheck(), false);
        assertTrue(r.stream().anyMatch(c -> c.check().equals("deadline") && c.status() == Status.WARN), r.toString());
        assertEquals(0, CliRun.run(env, dir, null, false, "config", "set", "default_timeout", "1h").exit);
        assertTrue(check(new ConfigCheck(), false).stream().noneMatch(c -> c.check().equals("deadline")));
    }
}
