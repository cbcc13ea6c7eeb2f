package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.codex.CodexCommand;
import dev.agentctl.codex.CodexExecutable;
import dev.agentctl.codex.CodexInvocation;
import dev.agentctl.proc.Executables;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.NewRun;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.io.IOException;
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
        Path codex = CodexExecutable.find(config.codexBin(), io.env().get("PATH"), io.cwd());
        boolean detached = useDetached(req.noTmux());
        String model = req.model() != null ? req.model() : req.profile().model();
        String sandbox = req.sandbox() != null ? req.sandbox() : req.profile().sandbox();
        boolean worktree = IsolationChoice.worktree(req, config, sandbox, n -> io.err().println("agentctl: note: " + n));
        String runId = claimId(req.runId());
        Path dir = store.dir(runId);
        RunWorkplace workplace = new RunWorkplace(store, config);
        RunWorkplace.Place place = null;
        try {
            place = workplace.prepare(runId, req, worktree);
            Path workDir = place.workDir();
            AtomicFiles.createPrivate(dir.resolve("prompt.md"), req.prompt());
            CallerEnvironment.write(dir, io.env());
            List<String> argv = CodexCommand.argv(new CodexInvocation(codex.toString(), workDir, model,
                    req.profile().reasoningEffort(), sandbox, List.of(), store.workspace().schemaFile(),
                    dir.resolve("last_message.json"), req.resumeThreadId()));
            String session = req.tmuxSession() != null ? req.tmuxSession() : config.tmuxSession();
            RunMeta meta = RunMeta.queued(new NewRun(runId, req.title(), req.project().name(), req.project().dir(),
                    req.profile().name(), model, req.profile().reasoningEffort(), sandbox, req.mode(), req.parentRunId(),
                    req.resumeThreadId(), req.timeoutSeconds(), detached ? "detached" : "tmux", session, argv));
            place.record().accept(meta);
            store.write(meta);
            List<String> supervise = SupervisorLauncher.superviseArgv(io.env(), store.workspace().home(), runId);
            Long launched;
            if (detached) {
                launched = SupervisorLauncher.detached(supervise, workDir, dir.resolve("pane.log"), io.env()).pid();
            } else {
                // Inside tmux on the same server, split the caller's window; otherwise the session decides.
                String callerPane = config.tmuxSocket() == null && io.env().get("TMUX") != null ? io.env().get("TMUX_PANE") : null;
                Tmux tmux = new Tmux(config.tmuxSocket(), io.env());
                String pane = SupervisorLauncher.inTmux(tmux, session, callerPane, workDir, supervise,
                        runId + " " + (req.title() == null ? "" : req.title()));
                launched = tmux.panePid(pane);
            }
            recordLaunch(runId, launched);
            return runId;
        } catch (IOException | RuntimeException e) {
            workplace.undo(place, req.project().dir());
            store.deleteQuietly(runId);
            if (e instanceof AgentctlException ae) throw ae;
            throw AgentctlException.failed("cannot start run: " + e.getMessage(), e);
        }
    }

    /**
     * The process that is to become the supervisor (the same pid through env, the launcher script and
     * java), so a run whose supervisor dies before taking it is known lost at once, not after the
     * queued grace period, and its env.json does not outlive it. Not found: it already ended.
     */
    private void recordLaunch(String runId, Long pid) {
        ProcessIdentity id = pid == null ? null : ProcessHandle.of(pid).map(ProcessIdentity::of).orElse(null);
        try {
            store.update(runId, m -> m.recordLaunch(id == null ? -1 : id.pid(), id == null ? 0 : id.startedAtMillis()));
        } catch (AgentctlException e) {
            // The run is launched; without this record it is only noticed after the queued grace period.
            io.err().println("agentctl: warning: " + e.getMessage());
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
