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
}
