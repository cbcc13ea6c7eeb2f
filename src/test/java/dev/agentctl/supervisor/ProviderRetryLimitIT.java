package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.RealRunTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A codex that cannot reach its model retries forever; the run ends failed after provider_retry_limit instead. */
class ProviderRetryLimitIT extends RealRunTest {
    @Test
    void aProviderThatNeverAnswersEndsTheRunFailedWithinTheRetryLimit() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing answers there
        }
        // codex's own retry settings left at their defaults: it keeps reconnecting, as against a real provider.
        Files.writeString(env.codexHome.resolve("config.toml"), "model = \"gpt-5.5\"\nmodel_provider = \"gone\"\n"
                + "[features]\nplugins = false\n[model_providers.gone]\nname = \"Gone\"\n"
                + "base_url = \"http://127.0.0.1:" + port + "/v1\"\nwire_api = \"responses\"\nsupports_websockets = false\n");
        env.config(c -> c.addProperty("provider_retry_limit", "5s"));
        long started = System.nanoTime();
        String id = env.start("Say hello", "--model", "gpt-5.5"); // no --timeout: only the default deadline (3h)
        JsonObject m = env.waitFor(id, "120s");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals("failed", m.get("outcome").getAsString(), m.toString());
        String error = m.get("error").getAsString();
        assertTrue(error.startsWith("cannot reach the model provider: codex kept reporting 'Reconnecting"), error);
        assertTrue(error.contains("provider_retry_limit"), error);
        assertEquals(3 * 3600, m.get("timeout_s").getAsLong(), "the default deadline applied, and did not decide");
        assertTrue(seconds < 100, "ended within the retry limit after the first reconnect, took " + seconds + " s");
    }
}
