package dev.agentctl.doctor;

import dev.agentctl.tmux.PaneSpec;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * tmux on PATH and its version; the server and session runs open their panes in; and the pane
 * tmux_sendkeys_target names, when set. A session that does not exist yet is fine (start creates it);
 * a send-keys target that does not exist means notifications typed into it are lost.
 */
final class TmuxCheck implements Check {
    static final String INSTALL = "install tmux (apt-get install tmux / brew install tmux)";

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        Config config = ctx.config();
        String launcher = launcher(config);
        String target = config.tmuxSendkeysTarget();
        Path tmuxPath = ctx.onPath("tmux");
        if (tmuxPath == null) {
            if (Config.LAUNCHER_TMUX.equals(launcher)) {
                out.add(CheckResult.fail("tmux", "not found on PATH, but config.json says launcher \"tmux\"",
                        INSTALL + ", or set launcher to \"detached\" in " + ctx.workspace().configFile()));
            } else {
                out.add(CheckResult.warn("tmux", "not found on PATH; runs go to detached processes (output in pane.log)",
                        INSTALL + " to watch runs in panes"));
            }
            if (target != null) {
                out.add(CheckResult.fail("tmux send-keys target", target + " cannot be reached: tmux is not installed",
                        INSTALL + ", or set tmux_sendkeys_target to \"\" in " + ctx.workspace().configFile()));
            }
            return out;
        }
        Tmux tmux = new Tmux(config.tmuxSocket(), ctx.env());
        String server = server(config.tmuxSocket());
        try {
            out.add(CheckResult.ok("tmux", tmux.version() + " (" + tmuxPath + ")"));
        } catch (RuntimeException e) {
            out.add(CheckResult.fail("tmux", tmuxPath + " -V: " + e.getMessage(), INSTALL + " (a working one)"));
            return out;
        }
        if (!Config.LAUNCHER_DETACHED.equals(launcher)) out.add(session(ctx, tmux, server));
        if (target != null) out.add(sendKeysTarget(ctx, tmux, server, target));
        return out;
    }

    private static CheckResult session(DoctorContext ctx, Tmux tmux, String server) {
        Config config = ctx.config();
        String session = config.tmuxSession();
        if (session == null && config.tmuxSocket() == null && ctx.env().get("TMUX") != null) {
            return CheckResult.ok("tmux session", "inside tmux: runs open beside the current pane");
        }
        if (session == null) session = PaneSpec.DEFAULT_SESSION;
        try {
            if (tmux.hasSession(session)) {
                return CheckResult.ok("tmux session", "'" + session + "' is running on " + server);
            }
            return CheckResult.warn("tmux session", "'" + session + "' does not exist on " + server
                    + " yet; agentctl start creates it", "nothing to do (to watch it: " + attach(config, session) + ")");
        } catch (RuntimeException e) {
            return CheckResult.fail("tmux session", "cannot reach " + server + ": " + e.getMessage(),
                    "check tmux_socket in " + ctx.workspace().configFile() + "; '" + listCommand(config) + "' must work");
        }
    }

    private static CheckResult sendKeysTarget(DoctorContext ctx, Tmux tmux, String server, String target) {
        boolean exists;
        String problem = null;
        try {
            if (target.matches("%[0-9]+")) {
                exists = tmux.paneExists(target);
            } else {
                exists = tmux.query(target, "#{pane_id}").matches("%[0-9]+"); // e.g. "ai:0.1"
            }
        } catch (RuntimeException e) {
            exists = false;
            problem = e.getMessage();
        }
        if (exists) return CheckResult.ok("tmux send-keys target", target + " exists on " + server);
        String socket = ctx.config().tmuxSocket();
        return CheckResult.fail("tmux send-keys target", "pane " + target + " not found on " + server
                        + (problem == null ? "" : " (" + problem + ")"),
                "set tmux_sendkeys_target in " + ctx.workspace().configFile() + " to an existing pane (its id: run 'tmux"
                        + (socket == null ? "" : socketFlag(socket)) + " display -p \"#{pane_id}\"' in it), or to \"\" to turn send-keys off");
    }

    private static String launcher(Config config) {
        try {
            return config.launcher();
        } catch (RuntimeException e) {
            return null; // reported by the config check
        }
    }

    static String server(String socket) {
        return socket == null ? "the default tmux server" : "tmux server" + socketFlag(socket);
    }

    private static String socketFlag(String socket) {
        return (socket.contains("/") ? " -S " : " -L ") + socket;
    }

    private static String attach(Config config, String session) {
        return "tmux" + (config.tmuxSocket() == null ? "" : socketFlag(config.tmuxSocket())) + " attach -t " + session;
    }

    private static String listCommand(Config config) {
        return "tmux" + (config.tmuxSocket() == null ? "" : socketFlag(config.tmuxSocket())) + " ls";
    }
}
