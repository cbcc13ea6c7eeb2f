package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.proc.Executables;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.NewRun;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.notify.Notifier;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Profile;
import java.util.function.Supplier;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates a run (directory, prompt, caller environment, queued meta) and hands it to the queue, which
 * launches its supervisor at once when a slot is free. Everything that can be refused is checked before
 * the directory exists; if launching fails the directory is removed, so a failed start leaves nothing behind.
 */
public final class RunStarter {
    private final RunStore store;
    private final Config config;
    private final Io io;
    private final Supplier<Notifier> notifier;

    /** @param notifier for runs the queue ends before they start (a failed dependency, a queue timeout) */
    public RunStarter(RunStore store, Config config, Io io, Supplier<Notifier> notifier) {
        this.store = store;
        this.config = config;
        this.io = io;
        this.notifier = notifier;
    }

    public RunId start(RunRequest req) {
        AgentBackend agent = Backends.of(req.agentName());
        Path bin = agentBin(agent, new Admission(store, config, io.env()).spawningRun());
        boolean detached = useDetached(req.noTmux());
        // A profile's model and effort are meant for its own agent; another agent (start --agent) uses its defaults.
        boolean profileFits = agent.name().equals(req.profile().agentName());
        String model = req.model() != null ? req.model() : profileFits ? req.profile().model() : null;
        String effort = profileFits ? req.profile().reasoningEffort() : null;
        String sandbox = req.sandbox() != null ? req.sandbox() : req.profile().sandbox();
        IsolationChoice.Isolation isolation = IsolationChoice.choose(req, config, sandbox, n -> io.err().println("agentctl: note: " + n));
        QueueOptions q = req.queue();
        Admission.Placement place = new Admission(store, config, io.env()).place(q.group(), req.profile().name(), req.title(),
                q.after(), req.runId());
        RunId[] made = {null};
        RunWorkplace workplace = new RunWorkplace(store, config);
        RunWorkplace.Place[] where = {null};
        try {
            return new Queue(store, config, () -> new RunFinalizer(store, notifier.get()), io.env()).enqueue(() -> {
                made[0] = claimId(req.runId());
                where[0] = workplace.prepare(made[0], req, isolation);
                create(made[0], req, place, where[0], agent, bin, model, effort, sandbox, detached);
                return made[0];
            }, q.noQueue(), place, req.title());
        } catch (RuntimeException e) {
            workplace.undo(where[0], req.project().dir());
            if (made[0] != null) store.deleteQuietly(made[0]);
            if (place.group() != null) new GroupStore(store.workspace()).releaseRun(place.group());
            if (e instanceof AgentctlException ae) throw ae;
            throw AgentctlException.failed("cannot start run: " + e.getMessage(), e);
        }
    }

    /** The run's directory: prompt, the caller's environment, and meta.json waiting in the queue. */
    private void create(RunId runId, RunRequest req, Admission.Placement place, RunWorkplace.Place where, AgentBackend agent,
            Path bin, String model, String effort, String sandbox, boolean detached) {
        Path dir = store.dir(runId);
        QueueOptions q = req.queue();
        try {
            AtomicFiles.createPrivate(dir.resolve("prompt.md"), req.prompt());
            CallerEnvironment.write(dir, io.env());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot start run: " + e.getMessage(), e);
        }
        List<String> argv = agent.argv(new AgentInvocation(bin.toString(), where.workDir(), model, effort, sandbox,
                store.workspace().schemaFile(), dir.resolve("last_message.json"), req.resumeThreadId()));
        String session = req.tmuxSession() != null ? req.tmuxSession() : config.tmuxSession();
        RunId parent = req.parentRunId() != null ? req.parentRunId() : place.spawnedBy();
        RunMeta meta = RunMeta.queued(new NewRun(runId, req.title(), req.project().name(), req.project().dir(),
                req.profile().name(), model, effort, sandbox, req.mode(), parent,
                req.resumeThreadId(), req.timeoutSeconds(), detached ? "detached" : "tmux", session, argv, agent.name()));
        if (req.notifyPane() != null) meta.recordNotifyPane(req.notifyPane());
        meta.placeInQueue(place.group(), place.depth(), place.spawnedBy(), q.after(), q.afterAny(), q.queueTimeoutSeconds());
        if (q.batch() != null) q.batch().joinTo(meta);
        where.record().accept(meta);
        store.write(meta);
    }

    /**
     * The agent's binary (codex_bin, claude_bin) on the caller's PATH; for a start made from inside a run of the
     * same agent, whose login shell may have reset PATH, the binary that run uses.
     */
    private Path agentBin(AgentBackend agent, RunMeta spawner) {
        try {
            return Executables.agent(agent.binKey(), Backends.configuredBin(agent, config), agent.installHint(), io.env().get("PATH"),
                    io.cwd(), io.env());
        } catch (AgentctlException e) {
            boolean sameAgent = spawner != null && agent.name().equals(spawner.agent() == null ? Profile.CODEX : spawner.agent());
            List<String> argv = sameAgent ? spawner.codexArgv() : List.of();
            if (argv.isEmpty() || !java.nio.file.Files.isExecutable(Path.of(argv.get(0)))) throw e;
            return Path.of(argv.get(0));
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

    private RunId claimId(RunId wanted) {
        if (wanted != null) {
            if (!store.createDir(wanted)) throw AgentctlException.usage("run id '" + wanted + "' already exists");
            return wanted;
        }
        for (int i = 0; i < 100; i++) {
            RunId id = RunId.generate();
            if (store.createDir(id)) return id;
        }
        throw AgentctlException.failed("could not find a free run id");
    }
}
