package dev.agentctl.lifecycle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.codex.CodexCommand;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Messages sent to a run that has not finished (`send`): each is a queued run (mode followup) that
 * continues the same codex thread as the next turn, launched as soon as the run before it has finished
 * with any outcome but lost. Several sends form a chain, one turn each, in order.
 *
 * <p>Who waits for a run is recorded in that run's directory ({@value #FILE}, the ids in order; the
 * waiting run's meta names it in after_run_id). The finishing run's supervisor delivers right after it
 * finalizes; wait, list and reconcile deliver through {@link Reconciler} when that supervisor died. All
 * bookkeeping happens under one lock, so a follow-up is launched once and the chain stays in order.
 * (A general run queue can take this over: the record and the promotion are all here.)
 */
public final class Followups {
    public static final String FILE = "followups.json";
    private static final String LOCK = ".followups.lock";

    private final RunStore store;
    private final Config config;
    private final Io io;
    private final Supplier<RunFinalizer> finalizer;
    private final Supplier<Reconciler> reconciler;
    private final Consumer<String> warn;

    /** @param io the caller's: its environment goes with a queued message, and launches the supervisor */
    public Followups(RunStore store, Config config, Io io, Supplier<RunFinalizer> finalizer, Supplier<Reconciler> reconciler,
            Consumer<String> warn) {
        this.store = store;
        this.config = config;
        this.io = io;
        this.finalizer = finalizer;
        this.reconciler = reconciler;
        this.warn = warn;
    }

    /**
     * The run after which a message to target is delivered: the last unfinished run of target's chain, or
     * null when target and everything queued behind it have finished (then the message is a resume).
     */
    public String deliverAfter(String target) {
        return locked(() -> {
            String last = store.read(target).isFinished() ? null : target;
            String at = target;
            for (List<String> next = pending(at); !next.isEmpty(); next = pending(at)) {
                at = next.get(next.size() - 1);
                RunMeta m = store.readQuietly(at);
                if (m != null && !m.isFinished()) last = at;
            }
            return last;
        });
    }

    /**
     * Queues req after the run {@link #deliverAfter} names; {@code now} puts it first instead, straight
     * after target (whose current turn the caller is interrupting). Returns the new run's id.
     */
    public String queue(RunRequest req, String target, boolean now) {
        return locked(() -> {
            String after = now ? target : deliverAfter(target);
            if (after == null) throw AgentctlException.failed("run " + target + " has finished meanwhile; send again");
            RunMeta m = new RunStarter(store, config, io).queueAfter(req, after);
            List<String> ahead = pending(after);
            if (now) {
                writePending(m.runId(), ahead); // what waited for target now waits for the new message
                for (String id : ahead) store.update(id, w -> {
                    if (!w.isWaitingForTurn()) return false;
                    w.waitFor(m.runId());
                    return true;
                });
                ahead = new ArrayList<>();
            }
            ahead.add(m.runId());
            writePending(after, ahead);
            return m.runId();
        });
    }

    /** After runId has finished: launches what waits for it (or fails it when it cannot be delivered). */
    public void deliver(String runId) {
        locked(() -> {
            for (String id : pending(runId)) {
                RunMeta m = store.readQuietly(id);
                if (m != null && m.isWaitingForTurn() && runId.equals(m.afterRunId())) settle(m);
            }
            return null;
        });
    }

    /** A waiting run whose turn may have come: launched, failed or left waiting. Returns its meta now. */
    public RunMeta settle(RunMeta waiting) {
        return locked(() -> {
            RunMeta m = store.read(waiting.runId());
            if (!m.isWaitingForTurn()) return m;
            StopRequest stop = StopRequest.readFrom(store.dir(m.runId()));
            if (stop != null) return giveUp(m, stop.outcome(), stop.reason());
            RunMeta before = store.readQuietly(m.afterRunId());
            if (before == null) return giveUp(m, Outcome.FAILED, "not delivered: run " + m.afterRunId() + " is gone");
            if (!before.isFinished()) before = reconciler.get().reconcile(before);
            if (!before.isFinished()) return m;
            RunMeta source = threadSource(before);
            if (source.outcomeValue() == Outcome.LOST) {
                return giveUp(m, Outcome.FAILED, "not delivered: run " + source.runId() + " was lost");
            }
            if (source.threadId() == null) {
                return giveUp(m, Outcome.FAILED, "not delivered: run " + source.runId() + " ended without a codex thread");
            }
            return launch(m, before, source.threadId());
        });
    }

    /**
     * The run whose thread a message continues: the run before it or, past messages that never ran (ended
     * while they waited), the last run that did. Its outcome and thread decide whether the message goes.
     */
    private RunMeta threadSource(RunMeta before) {
        RunMeta r = before;
        while (r.threadId() == null && r.outcomeValue() != Outcome.LOST && r.num(RunMeta.SUPERVISOR_PID) == null
                && r.afterRunId() != null) {
            RunMeta earlier = store.readQuietly(r.afterRunId());
            if (earlier == null) break;
            r = earlier;
        }
        return r;
    }

    private RunMeta launch(RunMeta m, RunMeta before, String thread) {

        List<String> argv = CodexCommand.withResumeThread(m.codexArgv(), thread);
        RunMeta launched = store.update(m.runId(), w -> {
            if (!w.isWaitingForTurn()) return false;
            w.launchAfterWait(thread, argv);
            return true;
        });
        if (launched == null) return store.read(m.runId());
        try {
            SupervisorLauncher.launch(store, config, io.env(), launched, besidePane(before));
            return launched;
        } catch (RuntimeException e) {
            return giveUp(launched, Outcome.FAILED, "cannot start the follow-up: " + e.getMessage());
        }
    }

    /** A follow-up opens next to the pane of the run it follows while that pane is still there. */
    private String besidePane(RunMeta before) {
        if (before.paneId() == null || Config.LAUNCHER_DETACHED.equals(before.str(RunMeta.LAUNCHER))) return null;
        try {
            return new Tmux(config.tmuxSocket()).paneExists(before.paneId()) ? before.paneId() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Finalizes a run that will not be delivered, and settles what waits for it in turn. */
    private RunMeta giveUp(RunMeta m, Outcome outcome, String error) {
        warn.accept("follow-up " + m.runId() + ": " + error);
        RunMeta done = finalizer.get().finishWithout(m.runId(), outcome, error);
        deliver(m.runId());
        return done != null ? done : store.read(m.runId());
    }

    private List<String> pending(String runId) {
        List<String> ids = new ArrayList<>();
        try {
            JsonObject o = Json.readObject(file(runId));
            JsonElement a = o == null ? null : o.get("pending");
            if (a != null && a.isJsonArray()) a.getAsJsonArray().forEach(e -> ids.add(e.getAsString()));
        } catch (IOException | RuntimeException e) {
            warn.accept("cannot read " + file(runId) + ": " + e.getMessage());
        }
        return ids;
    }

    private void writePending(String runId, List<String> ids) {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        ids.forEach(a::add);
        o.add("pending", a);
        try {
            Json.writeAtomically(file(runId), o);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + file(runId) + ": " + e.getMessage(), e);
        }
    }

    private Path file(String runId) {
        return store.dir(runId).resolve(FILE);
    }

    private <T> T locked(Supplier<T> work) {
        try (FileLock ignored = FileLock.acquire(store.workspace().runsDir().resolve(LOCK))) {
            return work.get();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot lock the follow-up queue: " + e.getMessage(), e);
        }
    }
}
