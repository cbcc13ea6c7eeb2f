package dev.agentctl.supervisor;

import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.backend.Backends;
import dev.agentctl.codex.CodexResult;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one codex run to its end and finalizes it. While it lives it is the only writer of the run's
 * meta.json; it stops codex on a kill request, at the deadline, on a stall (when configured) or when
 * its own pane goes away, and finalization never depends on anyone waiting.
 */
public final class Supervisor {
    private static final long TICK_MS = 100;
    private static final long EVENT_WRITE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RunStore store;
    private final Config config;
    private final Notifier notifier;
    private final RunFinalizer finalizer;
    private final PaneReport pane;
    private final AtomicReference<StopRequest> stop = new AtomicReference<>();
    private volatile long lastMetaEventWrite;
    private volatile CodexRun codex;
    private volatile Path runDir;

    public Supervisor(RunStore store, Config config, Notifier notifier, PrintStream out) {
        this.store = store;
        this.config = config;
        this.notifier = notifier;
        this.finalizer = new RunFinalizer(store, notifier);
        this.pane = new PaneReport(out);
    }

    /** Returns the process exit code for the supervisor itself. */
    public int run(String runId) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        runDir = dir;
        Map<String, String> env = CallerEnvironment.readAndDelete(dir);
        ProcessIdentity self = ProcessIdentity.current();
        RunMeta meta = store.update(runId, m -> {
            if (!RunStatus.QUEUED.equals(m.status())) return false;
            m.put("status", RunStatus.RUNNING).put("started_at", RunMeta.now()).put("last_event_at", RunMeta.now())
                    .put("supervisor_pid", self.pid()).put("supervisor_started_at_ms", self.startedAtMillis())
                    .put("pane_id", System.getenv("TMUX_PANE"));
            return true;
        });
        if (meta == null) {
            pane.note("run " + runId + " is not queued (status " + store.read(runId).status() + "); nothing to do");
            return 1;
        }
        pane.header(meta);
        SignalHandlers.install(this::stopFromSignal);
        try {
            return supervise(runId, meta, env == null ? System.getenv() : env);
        } catch (Exception | Error e) {
            // Whatever went wrong here, the run must not stay "running": stop codex and say why.
            CodexRun c = codex;
            if (c != null) ProcessKiller.standard().stop(c.process().toHandle());
            RunMeta done = finalizer.finishWithout(runId, RunStatus.FAILED, "supervisor error: " + e);
            if (done != null) pane.result(done);
            throw e;
        }
    }

    private int supervise(String runId, RunMeta meta, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        Path projectDir = Paths.get(meta.str("project_dir"));
        ProjectSnapshots snapshots = new ProjectSnapshots(projectDir, dir.resolve("snap.index"), pane::note);
        snapshots.takeStart();
        store.update(runId, m -> {
            m.put("base_commit", snapshots.baseCommit()).put("start_tree", snapshots.startTree());
            return true;
        });

        long started = System.nanoTime();
        if (stop.get() != null) { // a signal arrived while we took the snapshot
            RunMeta done = finalizer.finishWithout(runId, stop.get().outcome(), stop.get().reason());
            if (done != null) pane.result(done);
            return 1;
        }
        AgentBackend agent = Backends.of(meta.str("agent"));
        try {
            codex = CodexRun.start(agent.newTurn(), argv(meta), projectDir, agent.environment(env, meta.str("sandbox")), dir,
                    e -> onEvent(runId, agent, e));
        } catch (IOException e) {
            RunMeta done = finalizer.finishWithout(runId, RunStatus.FAILED, "cannot start " + agent.name() + ": " + e.getMessage());
            if (done != null) pane.result(done);
            return 1;
        }
        ProcessIdentity codexId = ProcessIdentity.of(codex.process().toHandle());
        store.update(runId, m -> {
            m.put("codex_pid", codexId.pid()).put("codex_started_at_ms", codexId.startedAtMillis());
            return true;
        });
        watchUntilExit(runId, dir, started, meta.num("timeout_s"));
        codex.awaitEvents(10_000);
        RunMeta done = finish(runId, agent, dir, snapshots.diffSinceStart(), codex.process().exitValue());
        if (done != null) pane.result(done);
        pane.linger(config.paneLingerSeconds());
        return 0;
    }

    /**
     * Waits for codex to exit, acting meanwhile on a kill request, the deadline and stalls: the
     * first reason to stop wins and is what the run is finalized with.
     */
    private void watchUntilExit(String runId, Path dir, long started, Long timeoutS) throws InterruptedException {
        long stallNanos = TimeUnit.SECONDS.toNanos(config.stallAfterSeconds());
        boolean stalled = false;
        while (!codex.process().waitFor(TICK_MS, TimeUnit.MILLISECONDS)) {
            StopRequest request = StopRequest.readFrom(dir);
            if (request == null && timeoutS != null && System.nanoTime() - started > TimeUnit.SECONDS.toNanos(timeoutS)) {
                request = new StopRequest(RunStatus.TIMED_OUT, "deadline of " + timeoutS + "s reached");
            }
            long quiet = System.nanoTime() - codex.lastEventNanos();
            if (request == null && !stalled && quiet > stallNanos) {
                stalled = true;
                long quietS = TimeUnit.NANOSECONDS.toSeconds(quiet);
                pane.note("stalled: no codex event for " + quietS + "s");
                RunMeta m = markStalled(runId, true);
                if ("kill".equals(config.stallAction())) {
                    request = new StopRequest(RunStatus.KILLED, "stalled: no codex event for " + quietS + "s");
                } else if (m != null) {
                    notifier.stalled(m, quietS);
                }
            } else if (stalled && quiet < stallNanos) {
                stalled = false; // events came back; a new stall is notified again
                markStalled(runId, false);
            }
            if (request != null && stop.compareAndSet(null, request)) {
                pane.note("stopping codex: " + request.reason());
                ProcessKiller.standard().stop(codex.process().toHandle());
            }
        }
    }

    private RunMeta markStalled(String runId, boolean stalled) {
        return store.update(runId, m -> {
            if (m.isFinished()) return false;
            m.put("stalled", stalled);
            return true;
        });
    }

    private RunMeta finish(String runId, AgentBackend agent, Path dir, String diff, int exitCode) throws IOException {
        AgentTurn t = codex.turn();
        CodexResult result = t.result(dir);
        String failed = t.failure();
        String stderrTail = RunOutcome.tail(readTail(dir.resolve("stderr.log"), 4096), 600);
        return finalizer.finish(runId, m -> {
            RunOutcome.apply(m, agent.name(), exitCode, result, t.completed(), failed, stop.get(), stderrTail);
            m.put("git_diff_stat", diff);
            putSession(m, agent, t);
        });
    }

    /** What the agent reported so far: session id (under each of the agent's keys), usage, cost. */
    private static void putSession(RunMeta m, AgentBackend agent, AgentTurn t) {
        String sessionId = t.sessionId();
        JsonObject usage = t.usage();
        Double cost = t.costUsd();
        if (sessionId != null) agent.sessionIdKeys().forEach(k -> m.put(k, sessionId));
        if (usage != null) m.put("usage", usage);
        if (cost != null) m.put("cost_usd", cost);
    }

    /** Throttled: meta gets the thread id and usage at once, last_event_at at most once a second. */
    private void onEvent(String runId, AgentBackend agent, AgentEvent e) {
        pane.event(e);
        long now = System.nanoTime();
        if (!e.important() && now - lastMetaEventWrite < EVENT_WRITE_INTERVAL_NANOS) return;
        lastMetaEventWrite = now;
        AgentTurn t = codex.turn();
        store.update(runId, m -> {
            if (m.isFinished()) return false;
            m.put("last_event_at", RunMeta.now());
            putSession(m, agent, t);
            return true;
        });
    }

    /**
     * SIGINT in the pane means the person wants the run stopped (killed); SIGHUP (pane closed) and
     * SIGTERM mean the supervisor is going away (lost). A pending kill request wins over both.
     */
    private void stopFromSignal(String signal) {
        StopRequest request = runDir == null ? null : StopRequest.readFrom(runDir);
        if (request == null && "INT".equals(signal)) {
            request = new StopRequest(RunStatus.KILLED, "interrupted in the pane (Ctrl-C)");
        } else if (request == null) {
            request = new StopRequest(RunStatus.LOST, "supervisor received SIG" + signal
                    + ("HUP".equals(signal) ? " (its pane was closed)" : ""));
        }
        stop.compareAndSet(null, request);
        CodexRun c = codex;
        if (c != null) ProcessKiller.standard().stop(c.process().toHandle());
    }

    private static List<String> argv(RunMeta meta) {
        List<String> argv = new ArrayList<>();
        meta.json().getAsJsonArray("codex_argv").forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    /** The last maxBytes of a file that may be large (codex's stderr). */
    private static String readTail(Path p, int maxBytes) throws IOException {
        if (!Files.exists(p)) return null;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "r")) {
            long start = Math.max(0, f.length() - maxBytes);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        }
    }
}
