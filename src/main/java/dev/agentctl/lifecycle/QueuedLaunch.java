package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Starts the supervisor of a run that got its slot, from whichever agentctl process gave it one: in a tmux
 * pane or detached, as the run was asked to, with the caller's environment saved at start.
 */
final class QueuedLaunch {
    private final RunStore store;
    private final Config config;
    private final Map<String, String> ownEnv;

    /** @param ownEnv this process's environment: it knows where the launcher script is */
    QueuedLaunch(RunStore store, Config config, Map<String, String> ownEnv) {
        this.store = store;
        this.config = config;
        this.ownEnv = ownEnv;
    }

    void launch(RunMeta m) {
        Path dir = store.dir(m.runId());
        Map<String, String> caller;
        try {
            caller = CallerEnvironment.read(dir);
        } catch (IOException | RuntimeException e) {
            throw AgentctlException.failed("cannot read the caller's environment: " + e.getMessage(), e);
        }
        if (caller == null) caller = ownEnv;
        Map<String, String> self = ownEnv.containsKey(SupervisorLauncher.LAUNCHER_ENV) ? ownEnv : caller;
        List<String> supervise = SupervisorLauncher.superviseArgv(self, store.workspace().home(), m.runId());
        Path projectDir = Paths.get(m.projectDir());
        if ("detached".equals(m.launcher())) {
            SupervisorLauncher.detached(supervise, projectDir, dir.resolve("pane.log"), caller);
            return;
        }
        Tmux tmux = new Tmux(config.tmuxSocket());
        String title = m.runId() + " " + (m.title() == null ? "" : m.title());
        // Inside tmux on the same server, split the caller's window; otherwise the session decides.
        String callerPane = config.tmuxSocket() == null && caller.get("TMUX") != null ? caller.get("TMUX_PANE") : null;
        try {
            SupervisorLauncher.inTmux(tmux, m.tmuxSession(), callerPane, projectDir, supervise, title);
        } catch (AgentctlException e) {
            // The caller's pane may be gone by the time a queued run gets its slot.
            if (callerPane == null) throw e;
            SupervisorLauncher.inTmux(tmux, m.tmuxSession(), null, projectDir, supervise, title);
        }
    }
}
