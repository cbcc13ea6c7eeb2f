package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMeta;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.util.Map;

/** Finds a run's pane on agentctl's tmux server and brings it in front of the person asking. */
public final class PaneFinder {
    private final Tmux tmux;

    /** @param env the caller's environment (where tmux keeps its sockets) */
    public PaneFinder(Config config, Map<String, String> env) {
        this.tmux = new Tmux(config.tmuxSocket(), env);
    }

    /** The run's pane while it is still open, else null (detached, never started, or closed). */
    public String paneOf(RunMeta m) {
        String pane = m.paneId();
        if (pane == null || Config.LAUNCHER_DETACHED.equals(m.launcher())) return null;
        return tmux.paneExists(pane) ? pane : null;
    }

    /**
     * Inside a client of the same server ($TMUX): switches that client to the pane and returns 0. Otherwise
     * attaches this terminal to the pane's session (tmux as a child on our terminal) and returns its exit code.
     */
    public int show(String pane, String tmuxEnv) {
        if (tmux.isServerOf(tmuxEnv)) {
            tmux.switchClientTo(pane);
            return 0;
        }
        return tmux.attachTo(pane);
    }
}
