package dev.agentctl.supervisor;

import com.google.gson.JsonArray;
import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.Io;
import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.backend.Backends;
import dev.agentctl.proc.Executables;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.tmux.Tmux;
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
        AgentBackend agent = Backends.of(req.agent() != null ? req.agent() : req.profile().agentName());
        Path bin = Executables.agent(agent.binKey(), agent.configuredBin(config), agent.installHint(), io.env().get("PATH"), io.cwd());
        // A profile's model and effort are meant for its own agent; another agent (start --agent) uses its defaults.
        boolean profileFits = agent.name().equals(req.profile().agentName());
        // Settings the supervisor reads later are checked now, while the user is there to see the error.
        config.stallAfterSeconds();
        config.stallAction();
        config.paneLingerSeconds();
        boolean detached = useDetached(req.noTmux());
        String model = req.model() != null ? req.model() : profileFits ? req.profile().model() : null;
        String effort = profileFits ? req.profile().reasoningEffort() : null;
        String sandbox = req.sandbox() != null ? req.sandbox() : req.profile().sandbox();
        String runId = claimId(req.runId());
        Path dir = store.dir(runId);
        try {
            AtomicFiles.createPrivate(dir.resolve("prompt.md"), req.prompt().getBytes(StandardCharsets.UTF_8));
            CallerEnvironment.write(dir, io.env());
            List<String> argv = agent.argv(new AgentInvocation(bin.toString(), req.project().dir(), model, effort, sandbox,
                    store.workspace().schemaFile(), dir.resolve("last_message.json"), req.resumeThreadId()));
            String session = req.tmuxSession() != null ? req.tmuxSession() : config.tmuxSession();
            store.write(queuedMeta(req, agent.name(), runId, model, effort, sandbox, argv, detached ? "detached" : "tmux", session));
            List<String> supervise = SupervisorLauncher.superviseArgv(io.env(), store.workspace().home(), runId);
            if (detached) {
                SupervisorLauncher.detached(supervise, req.project().dir(), dir.resolve("pane.log"), io.env());
            } else {
                // Inside tmux on the same server, split the caller's window; otherwise the session decides.
                String callerPane = config.tmuxSocket() == null && io.env().get("TMUX") != null ? io.env().get("TMUX_PANE") : null;
                SupervisorLauncher.inTmux(new Tmux(config.tmuxSocket()), session, callerPane, req.project().dir(), supervise,
                        runId + " " + (req.title() == null ? "" : req.title()));
            }
            return runId;
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

    private static RunMeta queuedMeta(RunRequest req, String agent, String runId, String model, String effort, String sandbox,
            List<String> argv,
            String launcher, String session) {
        RunMeta m = new RunMeta(new com.google.gson.JsonObject());
        m.put("run_id", runId).put("title", req.title()).put("project", req.project().name())
                .put("project_dir", req.project().dir().toString()).put("profile", req.profile().name())
                .put("agent", agent).put("model", model).put("reasoning_effort", effort).put("sandbox", sandbox)
                .put("created_at", RunMeta.now()).put("status", RunStatus.QUEUED).put("outcome", (String) null)
                .put("mode", req.mode()).put("parent_run_id", req.parentRunId()).put("thread_id", (String) null)
                .put("resume_thread_id", req.resumeThreadId()).put("exit_code", (Number) null)
                .put("ended_at", (String) null).put("goal_met", (Boolean) null).put("summary", (String) null)
                .put("followup_prompt", (String) null).put("notes", (String) null).put("last_message", (String) null)
                .put("git_diff_stat", (String) null).put("error", (String) null).put("timeout_s", req.timeoutSeconds())
                .put("launcher", launcher).put("tmux_session", session).put("pane_id", (String) null)
                .put("supervisor_pid", (Number) null).put("codex_pid", (Number) null).put("base_commit", (String) null)
                .put("usage", (String) null).put("last_event_at", (String) null).put("stalled", false)
                .put("duration_s", (Number) null);
        JsonArray a = new JsonArray();
        argv.forEach(a::add);
        m.put("codex_argv", a);
        return m;
    }
}
