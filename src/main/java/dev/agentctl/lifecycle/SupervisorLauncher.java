package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import dev.agentctl.run.RunId;
import dev.agentctl.tmux.PaneSpec;
import dev.agentctl.tmux.Opened;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.run.RunMeta;
import dev.agentctl.view.PaneTitle;
import dev.agentctl.workspace.Config;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts `agentctl supervise RUN_ID` in a new tmux pane, or as a detached background process. */
public final class SupervisorLauncher {
    public static final String LAUNCHER_ENV = "AGENTCTL_LAUNCHER";
    /**
     * What a run's pane runs: the supervisor, then, once it has finalized the run and exited (no JVM stays),
     * a shell that waits for Enter while the result is read; the supervisor has asked tmux to close the pane
     * after pane_linger. Fixed text: the linger seconds and the supervisor's argv come in as arguments
     * ($1, then "$@"), never as script. A trapped SIGINT (Ctrl-C) reaches the supervisor, not this shell. A
     * supervisor that could not be run at all (126, 127) closes the pane at once, so the run is lost at once.
     */
    static final String PANE_SCRIPT = "trap : INT; s=$1; shift; \"$@\"; r=$?; [ $r -lt 126 ] && [ \"$s\" -gt 0 ] 2>/dev/null"
            + " && read _; exit 0";
    /** The entry point, by name: this layer must not depend on the layer above it (a test checks the name). */
    public static final String MAIN_CLASS = "dev.agentctl.Main";

    private SupervisorLauncher() {}

    /** The argv that runs this same agentctl: the launcher script when we came through it, else this JVM. */
    public static List<String> selfArgv(Map<String, String> env) {
        List<String> argv = new ArrayList<>();
        String launcher = env.get(LAUNCHER_ENV);
        if (launcher != null && new File(launcher).canExecute()) {
            // A pane gets the tmux server's environment, whose PATH may find another java or none: pin
            // the launcher to the JVM running now (env(1) sets it without any shell).
            argv.addAll(List.of("/usr/bin/env", "JAVA_HOME=" + System.getProperty("java.home"), launcher));
            return argv;
        }
        argv.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-XX:TieredStopAtLevel=1");
        argv.add("-XX:+UseSerialGC");
        argv.add("-cp");
        argv.add(ownClassPath());
        argv.add(MAIN_CLASS);
        return argv;
    }

    /** The shaded jar when run with -jar; the whole class path otherwise (tests, IDEs). */
    private static String ownClassPath() {
        String cp = System.getProperty("java.class.path");
        if (cp != null && !cp.isBlank()) return cp;
        try {
            return Paths.get(SupervisorLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw AgentctlException.failed("cannot locate agentctl's own jar: " + e.getMessage(), e);
        }
    }

    public static List<String> superviseArgv(Map<String, String> env, Path home, RunId runId) {
        List<String> argv = selfArgv(env);
        // "--": nothing in the id can be read as an option, whatever it holds.
        argv.addAll(List.of("--home", home.toString(), "supervise", "--", runId.value()));
        return argv;
    }

    /**
     * Opens the run's pane (beside callerPane when given, else in the run's session) running the supervisor
     * under {@link #PANE_SCRIPT}; it keeps min_pane_height rows (else a window named after the run's group, or
     * "agents", takes it) and carries the run's id, title and state in its border. Returns the pane (its id and pid).
     */
    public static Opened inTmux(Tmux tmux, Config config, RunMeta m, String callerPane, Path cwd, List<String> supervise) {
        List<String> pane = new ArrayList<>(List.of("/bin/sh", "-c", PANE_SCRIPT, "agentctl-pane",
                Long.toString(config.paneLingerSeconds())));
        pane.addAll(supervise);
        String window = m.group() != null ? m.group() : PaneSpec.DEFAULT_OVERFLOW_WINDOW;
        return tmux.open(new PaneSpec(m.tmuxSession(), callerPane, cwd, pane, PaneTitle.of(m.runId(), m.title(), "starting"),
                config.minPaneHeight(), config.paneTitles(), window));
    }

    /** Runs the supervisor in its own session (setsid when available), output to pane.log; returns its process. */
    public static ProcessHandle detached(List<String> argv, Path cwd, Path paneLog, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        Path setsid = Executables.find("setsid", env.get("PATH"), cwd);
        if (setsid == null) setsid = Executables.find("setsid", "/usr/bin:/bin:/usr/sbin:/sbin", cwd);
        if (setsid != null) cmd.add(setsid.toString());
        cmd.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(paneLog.toFile()))
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            return pb.start().toHandle();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot start the supervisor: " + e.getMessage(), e);
        }
    }
}
