package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import dev.agentctl.tmux.PaneSpec;
import dev.agentctl.base.TerminalText;
import dev.agentctl.tmux.Tmux;
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
        // "--": nothing in the id can be read as an option, whatever it holds.
        argv.addAll(List.of("--home", home.toString(), "supervise", "--", runId));
        return argv;
    }

    /** Opens the pane; returns its id. */
    public static String inTmux(Tmux tmux, String session, String callerPane, Path cwd, List<String> argv, String title) {
        return tmux.openPane(new PaneSpec(session, callerPane, cwd, argv, TerminalText.oneLine(title, 60)));
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
