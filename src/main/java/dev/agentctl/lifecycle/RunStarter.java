package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.codex.CodexCommand;
import dev.agentctl.codex.CodexInvocation;
import dev.agentctl.proc.Executables;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.NewRun;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates a run (directory, prompt, caller environment, queued meta) and hands it to a supervisor.
 * Everything that can be refused is checked before the directory exists; if launching fails the
 * directory is removed, so a failed start leaves nothing behind.
 */
public final class RunStarter {
    private final RunStore store;
    private final Config config;
    private final Io io;

    public RunStarter(RunStore store, Config config, Io io) {
        this.store = store;
        this.config = config;
        this.io = io;
    }

    public String start(RunRequest req) {
        RunMeta m = create(req, null);
        try {
            // Inside tmux on the same server, split the caller's window; otherwise the session decides.
            String callerPane = config.tmuxSocket() == null && io.env().get("TMUX") != null && m.tmuxSession() == null
                    ? io.env().get("TMUX_PANE") : null;
            SupervisorLauncher.launch(store, config, io.env(), m, callerPane);
            return m.runId();
        } catch (RuntimeException e) {
            store.deleteQuietly(m.runId());
            if (e instanceof AgentctlException ae) throw ae;
            throw AgentctlException.failed("cannot start run: " + e.getMessage(), e);
        }
    }

    /**
     * Creates a run that is launched only once afterRunId has finished (see {@link Followups}); it keeps
     * the caller's environment of now. Returns its meta.
     */
    RunMeta queueAfter(RunRequest req, String afterRunId) {
        return create(req, afterRunId);
    }

    private RunMeta create(RunRequest req, String afterRunId) {
        Path codex = Executables.codex(config.codexBin(), io.env().get("PATH"), io.cwd());
        // Settings the supervisor reads later are checked now, while the user is there to see the error.
        config.stallAfterSeconds();
        config.stallAction();
        config.paneLingerSeconds();
        config.paneTitles();
        config.minPaneHeight();
        boolean detached = useDetached(req.noTmux());
        String model = req.model() != null ? req.model() : req.profile().model();
        String sandbox = req.sandbox() != null ? req.sandbox() : req.profile().sandbox();
        String runId = claimId(req.runId());
        Path dir = store.dir(runId);
        try {
            AtomicFiles.createPrivate(dir.resolve("prompt.md"), req.prompt().getBytes(StandardCharsets.UTF_8));
            CallerEnvironment.write(dir, io.env());
            List<String> argv = CodexCommand.argv(new CodexInvocation(codex.toString(), req.project().dir(), model,
                    req.profile().reasoningEffort(), sandbox, List.of(), store.workspace().schemaFile(),
                    dir.resolve("last_message.json"), req.resumeThreadId()));
            String session = req.tmuxSession() != null ? req.tmuxSession() : config.tmuxSession();
            RunMeta m = RunMeta.queued(new NewRun(runId, req.title(), req.project().name(), req.project().dir(),
                    req.profile().name(), model, req.profile().reasoningEffort(), sandbox, req.mode(), req.parentRunId(),
                    req.resumeThreadId(), req.timeoutSeconds(), detached ? "detached" : "tmux", session, argv));
            if (afterRunId != null) m.waitFor(afterRunId);
            store.write(m);
            return m;
        } catch (IOException | RuntimeException e) {
            store.deleteQuietly(runId);
            if (e instanceof AgentctlException ae) throw ae;
            throw AgentctlException.failed("cannot start run: " + e.getMessage(), e);
        }
    }

    private boolean useDetached(boolean noTmux) {
        String launcher = config.launcher();
        if (noTmux || Config.LAUNCHER_DETACHED.equals(launcher)) return true;
        if (Executables.find("tmux", io.env().get("PATH"), io.cwd()) != null) return false;
        if (Config.LAUNCHER_TMUX.equals(launcher)) {
            throw AgentctlException.usage("tmux is not installed but config.json says launcher \"tmux\" "
                    + "(install tmux, or use --no-tmux / launcher \"detached\")");
        }
        io.err().println("agentctl: warning: tmux is not installed; running detached (output in the run's pane.log)");
        return true;
    }

    private String claimId(String wanted) {
        if (wanted != null) {
            RunId.validate(wanted);
            if (!store.createDir(wanted)) throw AgentctlException.usage("run id '" + wanted + "' already exists");
            return wanted;
        }
        for (int i = 0; i < 100; i++) {
            String id = RunId.generate();
            if (store.createDir(id)) return id;
        }
        throw AgentctlException.failed("could not find a free run id");
    }
}
