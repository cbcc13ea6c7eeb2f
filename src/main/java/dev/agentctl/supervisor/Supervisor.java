package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.lifecycle.StopRequest;
import dev.agentctl.lifecycle.CallerEnvironment;
import dev.agentctl.lifecycle.RunEnvironment;
import dev.agentctl.run.RunId;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.lifecycle.Backends;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.proc.ProcessKiller;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;
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
    private final Map<String, String> ownEnv;
    private final ProviderTrouble providerTrouble;
    private final AfterFinish afterFinish;
    private final AtomicReference<StopRequest> stop = new AtomicReference<>();
    private volatile long lastMetaEventWrite;
    private volatile CodexRun codex;
    private volatile Path runDir;
    private volatile RunId runId;
    /** Set when the run's directory disappeared mid-run: there is nothing left to finalize. */
    private volatile boolean runDirGone;
    /** The caller's environment, for a run this one escalates to. */
    private volatile Map<String, String> callerEnv;

    /** @param ownEnv this supervisor's own environment (the pane's): its TMUX_PANE, and codex's when the caller's is gone */
    public Supervisor(RunStore store, Config config, Notifier notifier, PrintStream out, Map<String, String> ownEnv) {
        this.ownEnv = ownEnv;
        this.store = store;
        this.config = config;
        this.notifier = notifier;
        this.finalizer = new RunFinalizer(store, notifier);
        this.pane = new PaneReport(out, new Tmux(config.tmuxSocket(), ownEnv));
        this.providerTrouble = new ProviderTrouble(config.providerRetryLimitSeconds());
        this.afterFinish = new AfterFinish(store, config, pane, notifier, finalizer, ownEnv);
    }

    /** Returns the process exit code for the supervisor itself. */
    public int run(RunId runId) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        runDir = dir;
        this.runId = runId;
        Map<String, String> env;
        try {
            env = CallerEnvironment.readAndDelete(dir);
            callerEnv = env == null ? ownEnv : env;
        } catch (IOException | RuntimeException e) {
            // A supervisor that cannot start fails the run at once (the finalizer deletes env.json),
            // rather than leaving it queued until someone reconciles.
            finalizer.finishWithout(runId, Outcome.FAILED, "the supervisor could not start: " + e.getMessage());
            afterFinish(runId, ownEnv.get("TMUX_PANE"));
            return 1;
        }
        ProcessIdentity self = ProcessIdentity.current();
        String paneId = ownEnv.get("TMUX_PANE");
        RunMeta meta = store.update(runId, m -> m.startRunning(self.pid(), self.startedAtMillis(), paneId));
        if (meta == null) {
            pane.note("run " + runId + " is not queued (status " + store.read(runId).status() + "); nothing to do");
            pane.closeLater(paneId, config.paneLingerSeconds());
            return 1;
        }
        pane.header(meta);
        pane.showState(paneId, meta);
        SignalHandlers.install(this::stopFromSignal);
        try {
            return supervise(runId, meta, RunEnvironment.forCodex(env == null ? ownEnv : env, ownEnv, meta,
                    store.workspace().home()));
        } catch (Exception | Error e) {
            // Whatever went wrong here, the run must not stay "running": stop codex and say why.
            stopCodex();
            finalizer.finishWithout(runId, Outcome.FAILED, "supervisor error: " + e);
            throw e;
        } finally {
            afterFinish(runId, paneId);
        }
    }

    private void afterFinish(RunId runId, String paneId) {
        afterFinish.run(runId, paneId, runDirGone, callerEnv != null ? callerEnv : ownEnv);
    }

    private int supervise(RunId runId, RunMeta meta, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        Path workDir = Paths.get(meta.workDir());
        // A worktree run's change is base_commit..head_commit (see RunFinalizer); a shared run's needs snapshots.
        ProjectSnapshots snapshots = new ProjectSnapshots(workDir, dir, pane::note);
        String noWorktree = RunWorktree.ensure(store, meta); // start made only the branch
        if (noWorktree != null) return failBeforeStart(runId, noWorktree);
        if (!meta.isWorktree()) {
            snapshots.takeStart();
            store.update(runId, m -> {
                m.recordStartSnapshot(snapshots.baseCommit(), snapshots.startTree());
                return true;
            });
        }

        long started = System.nanoTime();
        String setup = meta.isWorktree() ? meta.str(RunMeta.WORKTREE_SETUP) : null;
        if (setup != null && stop.get() == null) {
            pane.note("worktree_setup: " + setup + " (output in setup.log)");
            String failure = WorktreeSetup.run(setup, workDir, env, dir.resolve("setup.log"), config.worktreeSetupTimeoutSeconds(),
                    () -> stopRequested(dir));
            if (failure != null && stop.get() == null) return failBeforeStart(runId, failure);
        }
        if (stop.get() != null) { // a signal or kill request arrived before codex started
            finalizer.finishWithout(runId, stop.get().outcome(), stop.get().reason());
            return 1;
        }
        AgentBackend agent = Backends.of(meta.agent());
        try {
            codex = CodexRun.start(agent.newTurn(), meta.codexArgv(), workDir, agent.environment(env, meta.str(RunMeta.SANDBOX)), dir,
                    e -> onEvent(runId, agent, e), pane::note);
        } catch (IOException e) {
            return failBeforeStart(runId, "cannot start " + agent.name() + ": " + e.getMessage());
        }
        ProcessIdentity codexId = ProcessIdentity.of(codex.process().toHandle());
        store.update(runId, m -> { m.recordCodexProcess(codexId.pid(), codexId.startedAtMillis()); return true; });
        watchUntilExit(runId, dir, started, meta.timeoutSeconds());
        codex.awaitEvents(10_000);
        if (runDirGone) {
            // Deleted under us: finishing would recreate it. The run is gone; so is its codex.
            pane.note("the run directory " + dir + " was deleted; codex stopped, nothing recorded");
            return 1;
        }
        finish(runId, agent, dir, snapshots, codex.process().exitValue());
        return 0;
    }

    private int failBeforeStart(RunId runId, String why) {
        finalizer.finishWithout(runId, Outcome.FAILED, why);
        return 1;
    }

    /**
     * Waits for codex to exit, acting meanwhile on a kill request, the deadline and stalls: the
     * first reason to stop wins and is what the run is finalized with.
     */
    private void watchUntilExit(RunId runId, Path dir, long started, Long timeoutS) throws InterruptedException {
        long stallNanos = TimeUnit.SECONDS.toNanos(config.stallAfterSeconds());
        boolean stalled = false;
        while (!codex.process().waitFor(TICK_MS, TimeUnit.MILLISECONDS)) {
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (!runDirGone) {
                    runDirGone = true;
                    stop.compareAndSet(null, new StopRequest(Outcome.LOST, "run directory deleted"));
                    stopCodex();
                }
                continue;
            }
            StopRequest request = StopRequest.readFrom(dir);
            if (request == null && timeoutS != null && System.nanoTime() - started > TimeUnit.SECONDS.toNanos(timeoutS)) {
                request = new StopRequest(Outcome.TIMED_OUT, "deadline of " + timeoutS + "s reached");
            }
            if (request == null) request = providerTrouble.check(dir.resolve("stderr.log"), System.nanoTime());
            long quiet = System.nanoTime() - codex.lastEventNanos();
            if (request == null && !stalled && quiet > stallNanos) {
                stalled = true;
                long quietS = TimeUnit.NANOSECONDS.toSeconds(quiet);
                pane.note("stalled: no codex event for " + quietS + "s");
                RunMeta m = markStalled(runId, true);
                if ("kill".equals(config.stallAction())) {
                    request = new StopRequest(Outcome.KILLED, "stalled: no codex event for " + quietS + "s");
                } else if (m != null) {
                    notifier.stalled(m, quietS);
                }
            } else if (stalled && quiet < stallNanos) {
                stalled = false; // events came back; a new stall is notified again
                markStalled(runId, false);
            }
            if (request != null && stop.compareAndSet(null, request)) {
                pane.note("stopping codex: " + request.reason());
                stopCodex();
            }
        }
    }

    /** A kill request (or a signal) arrived: it is what the run ends with. */
    private boolean stopRequested(Path dir) {
        StopRequest request = StopRequest.readFrom(dir);
        if (request != null) stop.compareAndSet(null, request);
        return stop.get() != null;
    }

    private RunMeta markStalled(RunId runId, boolean stalled) {
        return store.update(runId, m -> {
            if (m.isFinished()) return false;
            m.markStalled(stalled);
            return true;
        });
    }

    private RunMeta finish(RunId runId, AgentBackend agent, Path dir, ProjectSnapshots snapshots, int exitCode) throws IOException {
        String diff = snapshots.diffSinceStart();
        AgentTurn t = codex.turn();
        AgentResult result = t.result(dir);
        String failed = t.failure();
        String stderrTail = RunOutcome.tail(readTail(dir.resolve("stderr.log"), 4096), 600);
        return finalizer.finish(runId, m -> {
            RunOutcome.apply(m, agent.name(), exitCode, result, t.completed(), failed, stop.get(), stderrTail);
            RunOutcome.capTexts(m, config.resultMaxChars());
            if (!m.isWorktree()) {
                m.recordDiffStat(diff);
                m.recordEndSnapshot(snapshots.endTree());
            }
            recordReport(m, agent, t);
        });
    }

    /** What the agent reported so far: its thread or session id, usage, cost. */
    private static void recordReport(RunMeta m, AgentBackend agent, AgentTurn t) {
        m.recordProgress(t.sessionId(), t.usage());
        m.recordCost(t.costUsd());
        if (agent.callsThreadsSessions()) m.recordSessionId(t.sessionId());
    }

    /** Throttled: meta gets the thread id and usage at once, last_event_at at most once a second. */
    private void onEvent(RunId runId, AgentBackend agent, AgentEvent e) {
        providerTrouble.onEvent(e);
        pane.event(e);
        long now = System.nanoTime();
        if (!e.important() && now - lastMetaEventWrite < EVENT_WRITE_INTERVAL_NANOS) return;
        lastMetaEventWrite = now;
        AgentTurn t = codex.turn();
        store.update(runId, m -> {
            if (m.isFinished()) return false;
            recordReport(m, agent, t);
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
            request = new StopRequest(Outcome.KILLED, "interrupted in the pane (Ctrl-C)");
        } else if (request == null) {
            request = new StopRequest(Outcome.LOST, "supervisor received SIG" + signal
                    + ("HUP".equals(signal) ? " (its pane was closed)" : ""));
        }
        stop.compareAndSet(null, request);
        stopCodex();
    }

    /** codex, what it started, and whatever carries the run's marker though it left the tree. */
    private void stopCodex() {
        CodexRun c = codex;
        if (c != null) ProcessKiller.standard().stop(c.process().toHandle(), runId.value());
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
