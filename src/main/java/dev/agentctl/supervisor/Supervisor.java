package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.lifecycle.StopRequest;
import dev.agentctl.lifecycle.CallerEnvironment;
import dev.agentctl.lifecycle.Followups;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.base.Io;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.view.PaneTitle;
import java.io.InputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.codex.CodexEvent;
import dev.agentctl.codex.CodexResult;
import dev.agentctl.codex.EventTracker;
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
    private final Followups followups;
    private final Tmux tmux;
    private final AtomicReference<StopRequest> stop = new AtomicReference<>();
    private volatile long lastMetaEventWrite;
    private volatile CodexRun codex;
    private volatile Path runDir;

    /** @param ownEnv this supervisor's own environment (the pane's): its TMUX_PANE, and codex's when the caller's is gone */
    public Supervisor(RunStore store, Config config, Notifier notifier, PrintStream out, Map<String, String> ownEnv) {
        this.ownEnv = ownEnv;
        this.store = store;
        this.config = config;
        this.notifier = notifier;
        this.finalizer = new RunFinalizer(store, notifier);
        this.pane = new PaneReport(out);
        Io io = new Io(InputStream.nullInputStream(), out, out, ownEnv, Paths.get("").toAbsolutePath(), false);
        Followups[] self = new Followups[1];
        this.followups = self[0] = new Followups(store, config, io, () -> finalizer,
                () -> new Reconciler(store, () -> finalizer, () -> self[0]), pane::note);
        this.tmux = new Tmux(config.tmuxSocket());
    }

    /** Returns the process exit code for the supervisor itself. */
    public int run(String runId) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        runDir = dir;
        Map<String, String> env = CallerEnvironment.readAndDelete(dir);
        ProcessIdentity self = ProcessIdentity.current();
        String paneId = ownEnv.get("TMUX_PANE");
        RunMeta meta = store.update(runId, m -> m.startRunning(self.pid(), self.startedAtMillis(), paneId));
        if (meta == null) {
            pane.note("run " + runId + " is not queued (status " + store.read(runId).status() + "); nothing to do");
            return 1;
        }
        pane.header(meta);
        showState(paneId, meta);
        SignalHandlers.install(this::stopFromSignal);
        try {
            RunMeta done = supervise(runId, meta, env == null ? ownEnv : env);
            return done != null ? 0 : 1;
        } catch (Exception | Error e) {
            // Whatever went wrong here, the run must not stay "running": stop codex and say why.
            CodexRun c = codex;
            if (c != null) ProcessKiller.standard().stop(c.process().toHandle());
            finalizer.finishWithout(runId, Outcome.FAILED, "supervisor error: " + e);
            throw e;
        } finally {
            afterFinish(runId, paneId);
        }
    }

    /**
     * The run is final: its result goes on screen, what was sent to it meanwhile starts, and the pane is left
     * to tmux (closed after pane_linger) so that no JVM stays behind for a person to read a result.
     */
    private void afterFinish(String runId, String paneId) {
        RunMeta m = store.readQuietly(runId);
        if (m == null || !m.isFinished()) return;
        pane.result(m);
        showState(paneId, m);
        try {
            followups.deliver(runId);
        } catch (RuntimeException e) {
            pane.note("delivering follow-ups failed: " + e.getMessage());
        }
        long linger = config.paneLingerSeconds();
        if (paneId == null || linger <= 0) return;
        try {
            tmux.closePaneAfter(paneId, linger);
            pane.closing(linger);
        } catch (RuntimeException e) {
            pane.note("cannot schedule closing this pane: " + e.getMessage());
        }
    }

    /** The pane's border title: run id, title and state. */
    private void showState(String paneId, RunMeta m) {
        if (paneId == null) return;
        try {
            tmux.setPaneTitle(paneId, PaneTitle.of(m));
        } catch (RuntimeException e) {
            pane.note("cannot set the pane title: " + e.getMessage());
        }
    }

    /** Returns the final meta, or null when another process finalized the run. */
    private RunMeta supervise(String runId, RunMeta meta, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = store.dir(runId);
        Path projectDir = Paths.get(meta.projectDir());
        ProjectSnapshots snapshots = new ProjectSnapshots(projectDir, dir.resolve("snap.index"), pane::note);
        snapshots.takeStart();
        store.update(runId, m -> {
            m.recordStartSnapshot(snapshots.baseCommit(), snapshots.startTree());
            return true;
        });

        long started = System.nanoTime();
        if (stop.get() != null) { // a signal arrived while we took the snapshot
            return finalizer.finishWithout(runId, stop.get().outcome(), stop.get().reason());
        }
        try {
            codex = CodexRun.start(meta.codexArgv(), projectDir, env, dir, e -> onEvent(runId, e), pane::note);
        } catch (IOException e) {
            return finalizer.finishWithout(runId, Outcome.FAILED, "cannot start codex: " + e.getMessage());
        }
        ProcessIdentity codexId = ProcessIdentity.of(codex.process().toHandle());
        store.update(runId, m -> {
            m.recordCodexProcess(codexId.pid(), codexId.startedAtMillis());
            return true;
        });
        watchUntilExit(runId, dir, started, meta.timeoutSeconds());
        codex.awaitEvents(10_000);
        return finish(runId, dir, snapshots.diffSinceStart(), codex.process().exitValue());
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
                request = new StopRequest(Outcome.TIMED_OUT, "deadline of " + timeoutS + "s reached");
            }
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
                ProcessKiller.standard().stop(codex.process().toHandle());
            }
        }
    }

    private RunMeta markStalled(String runId, boolean stalled) {
        return store.update(runId, m -> {
            if (m.isFinished()) return false;
            m.markStalled(stalled);
            return true;
        });
    }

    private RunMeta finish(String runId, Path dir, String diff, int exitCode) throws IOException {
        EventTracker t = codex.tracker();
        String finalMessage = readIfExists(dir.resolve("last_message.json"));
        // codex creates the -o file empty at start and fills it only when the turn completes.
        CodexResult result = CodexResult.parse(finalMessage == null || finalMessage.isBlank() ? t.lastAgentMessage() : finalMessage);
        String failed = t.turnFailed() ? t.turnFailedMessage() : null;
        String stderrTail = RunOutcome.tail(readTail(dir.resolve("stderr.log"), 4096), 600);
        JsonObject usage = t.usage();
        String threadId = t.threadId();
        return finalizer.finish(runId, m -> {
            RunOutcome.apply(m, exitCode, result, t.turnCompleted(), failed, stop.get(), stderrTail);
            m.recordDiffStat(diff);
            m.recordProgress(threadId, usage);
        });
    }

    /** Throttled: meta gets the thread id and usage at once, last_event_at at most once a second. */
    private void onEvent(String runId, CodexEvent e) {
        pane.event(e);
        boolean important = "thread.started".equals(e.type()) || "turn.completed".equals(e.type())
                || "turn.failed".equals(e.type());
        long now = System.nanoTime();
        if (!important && now - lastMetaEventWrite < EVENT_WRITE_INTERVAL_NANOS) return;
        lastMetaEventWrite = now;
        EventTracker t = codex.tracker();
        String threadId = t.threadId();
        JsonElement usage = t.usage();
        store.update(runId, m -> {
            if (m.isFinished()) return false;
            m.recordProgress(threadId, usage);
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
        CodexRun c = codex;
        if (c != null) ProcessKiller.standard().stop(c.process().toHandle());
    }

    private static String readIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
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
