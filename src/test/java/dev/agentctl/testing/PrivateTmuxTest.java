package dev.agentctl.testing;

import dev.agentctl.tmux.Tmux;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for tests against a real tmux: a private server per test, always killed. */
public abstract class PrivateTmuxTest {
    @TempDir
    protected Path dir;
    protected PrivateTmux server;
    protected Tmux tmux;

    @BeforeEach
    void startPrivateTmux() {
        server = PrivateTmux.create();
        tmux = server.tmux();
    }

    @AfterEach
    void stopPrivateTmux() {
        server.close();
    }
}
