package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMeta;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;

/** Finds a run's pane on agentctl's tmux server and brings it in front of the person asking. */
public final class PaneFinder {
    private final Tmux tmux;

    public PaneFinder(Config config) {
        this.tmux = new Tmux(config.tmuxSocket());
    }

    /** The run's pane while it is still open, else null (detached, never started, or closed). */
    public String paneOf(RunMeta m) {
        String pane = m.paneId();
        if (pane == null || Config.LAUNCHER_DETACHED.equals(m.str(RunMeta.LAUNCHER))) return null;
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
