package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import dev.agentctl.tmux.PaneSpec;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
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
     * ($1, then "$@"), never as script. A trapped SIGINT (Ctrl-C) reaches the supervisor, not this shell.
     */
    static final String PANE_SCRIPT = "trap : INT; s=$1; shift; \"$@\"; [ \"$s\" -gt 0 ] 2>/dev/null && read _; exit 0";
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

    public static List<String> superviseArgv(Map<String, String> env, Path home, String runId) {
        List<String> argv = selfArgv(env);
        argv.addAll(List.of("--home", home.toString(), "supervise", runId));
        return argv;
    }

    /**
     * Hands a queued run to its supervisor as its meta says: detached, or a tmux pane beside besidePane when
     * given (a follow-up opens next to its parent), else in the run's session.
     */
    public static void launch(RunStore store, Config config, Map<String, String> env, RunMeta m, String besidePane) {
        Path projectDir = Paths.get(m.projectDir());
        List<String> supervise = superviseArgv(env, store.workspace().home(), m.runId());
        if (Config.LAUNCHER_DETACHED.equals(m.str(RunMeta.LAUNCHER))) {
            detached(supervise, projectDir, store.dir(m.runId()).resolve("pane.log"), env);
            return;
        }
        List<String> pane = new ArrayList<>(List.of("/bin/sh", "-c", PANE_SCRIPT, "agentctl-pane",
                Long.toString(config.paneLingerSeconds())));
        pane.addAll(supervise);
        String session = besidePane != null ? null : m.tmuxSession();
        new Tmux(config.tmuxSocket()).openPane(new PaneSpec(session, besidePane, projectDir, pane,
                PaneTitle.of(m.runId(), m.title(), "starting"), config.minPaneHeight(),
                config.paneTitles(), PaneSpec.DEFAULT_OVERFLOW_WINDOW));
    }

    /** Runs the supervisor in its own session (setsid when available), output to pane.log. */
    public static void detached(List<String> argv, Path cwd, Path paneLog, Map<String, String> env) {
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
            pb.start();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot start the supervisor: " + e.getMessage(), e);
        }
    }
}
