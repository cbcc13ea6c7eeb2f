package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.tmux.Opened;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
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

    /** @param besidePane a pane of ours the new one opens beside (a message's opens by its run's), or null */
    void launch(RunMeta m, String besidePane) {
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
        // codex and the pane work where the run works: its worktree (checked out by the supervisor, so the project's
        // directory until then), or the project's checkout.
        Path workDir = Files.isDirectory(Paths.get(m.workDir())) ? Paths.get(m.workDir()) : Paths.get(m.projectDir());
        if ("detached".equals(m.launcher())) {
            recordLaunch(m.runId(), SupervisorLauncher.detached(supervise, workDir, dir.resolve("pane.log"), caller).pid());
            return;
        }
        Tmux tmux = new Tmux(config.tmuxSocket(), caller);
        // Inside tmux on the same server, split the caller's window; otherwise the session decides.
        String callerPane = besidePane != null ? besidePane
                : config.tmuxSocket() == null && caller.get("TMUX") != null ? caller.get("TMUX_PANE") : null;
        Opened pane;
        try {
            pane = SupervisorLauncher.inTmux(tmux, config, m, callerPane, workDir, supervise);
        } catch (AgentctlException e) {
            // The caller's pane may be gone by the time a queued run gets its slot.
            if (callerPane == null) throw e;
            pane = SupervisorLauncher.inTmux(tmux, config, m, null, workDir, supervise);
        }
        recordLaunch(m.runId(), pane.pid());
    }

    /**
     * The process launched to become the supervisor: if it dies before taking its run, the run is lost at
     * once instead of after the start-up grace (and its env.json goes with it). Best effort.
     */
    private void recordLaunch(RunId runId, Long pid) {
        ProcessIdentity id = pid == null ? null : ProcessHandle.of(pid).map(ProcessIdentity::of).orElse(null);
        try {
            store.update(runId, m -> m.recordLaunch(id == null ? -1 : id.pid(), id == null ? 0 : id.startedAtMillis()));
        } catch (AgentctlException e) {
            // without this record the run is only noticed after the start-up grace period
        }
    }
}
