package dev.agentctl.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for tests that drive real runs: a fresh {@link TestEnv} per test, always closed. */
public abstract class RealRunTest {
    protected TestEnv env;

    @BeforeEach
    void openEnv() throws Exception {
        env = new TestEnv();
    }

    @AfterEach
    void closeEnv() {
        env.close();
    }

    /** The run's meta once its codex has started (codex_pid recorded), waited for with a deadline. */
    protected com.google.gson.JsonObject awaitRunning(String id) {
        com.google.gson.JsonObject[] m = new com.google.gson.JsonObject[1];
        Procs.await("codex running for " + id, java.time.Duration.ofSeconds(60), () -> {
            try {
                m[0] = env.meta(id);
                return m[0].has("codex_pid") && !m[0].get("codex_pid").isJsonNull();
            } catch (Exception e) {
                return false;
            }
        });
        return m[0];
    }
}
