package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.Git;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Messages sent to a run that has not finished (`send`). Each is a run in the queue (mode followup) that
 * waits for the run before it (its `after`) and continues the same codex thread as the next turn, whatever
 * that run's outcome but lost. Several sends form a chain, one turn each, in order; `--now` puts a message
 * first. The queue launches them ({@link Queue}, asking {@link #turn}); the chain is kept under its lock.
 */
public final class Followups {
    private final RunStore store;
    private final ActiveRuns active;

    public Followups(RunStore store) {
        this.store = store;
        this.active = new ActiveRuns(store);
    }

    /**
     * The run after which a message to target is delivered: the last unfinished run of target's chain (target
     * itself when nothing waits for it), or null when target has finished and nothing waits (then it is a resume).
     */
    public RunId deliverAfter(RunId target) {
        return active.locked(() -> lastOfChain(target, active.unfinished()));
    }

    /**
     * Makes the message (create makes the run waiting for the id it is given, and returns the new run's id)
     * behind the last run of target's chain; with now, straight after target, with what waited for target
     * moved behind the message. Throws when target and its chain have finished meanwhile.
     */
    public RunId queue(RunId target, boolean now, Function<RunId, RunId> create) {
        return active.locked(() -> {
            List<RunMeta> unfinished = active.unfinished();
            RunId after = now ? (store.read(target).isFinished() ? null : target) : lastOfChain(target, unfinished);
            if (after == null) throw AgentctlException.failed("run " + target + " has finished meanwhile; send again");
            RunId id = create.apply(after);
            if (now) {
                for (RunMeta w : unfinished) {
                    if (w.isFollowup() && !w.runId().equals(id) && target.equals(waitsFor(w))) {
                        store.update(w.runId(), m -> m.waitFor(id));
                    }
                }
            }
            return id;
        });
    }

    private RunId lastOfChain(RunId target, List<RunMeta> unfinished) {
        RunMeta t = store.read(target);
        RunId last = t.isFinished() ? null : target;
        RunId at = target;
        for (int guard = 0; guard <= unfinished.size(); guard++) {
            RunId next = null;
            for (RunMeta w : unfinished) {
                if (w.isFollowup() && w.isWaitingInQueue() && at.equals(waitsFor(w))) next = w.runId();
            }
            if (next == null) break;
            last = at = next;
        }
        return last;
    }

    /** The run a waiting message really waits for: past messages that ended without running, the one before. */
    private RunId waitsFor(RunMeta w) {
        RunMeta source = source(w);
        return source == null ? null : source.runId();
    }

    /**
     * The run whose turn a message follows: the run it waits for or, past messages that ended without ever
     * running (killed or timed out while waiting), the last run that did or is still to run. Null when gone.
     */
    private RunMeta source(RunMeta w) {
        List<RunId> after = w.after();
        RunMeta r = after.isEmpty() ? null : store.readQuietly(after.get(0));
        for (int guard = 0; r != null && guard < 1000; guard++) {
            boolean ranNot = r.isFinished() && r.isFollowup() && r.num(RunMeta.SUPERVISOR_PID) == null && !r.after().isEmpty();
            if (!ranNot) return r;
            r = store.readQuietly(r.after().get(0));
        }
        return r;
    }

    /**
     * Whether a waiting message may start: wait (with a reason), end (with an error: it cannot be delivered),
     * or go, continuing that thread beside that run's pane.
     */
    record Turn(String waitReason, String error, String threadId, List<String> argv, String baseCommit, String besidePane) {
        static Turn waiting(String reason) { return new Turn(reason, null, null, null, null, null); }
        static Turn failing(String error) { return new Turn(null, error, null, null, null, null); }
    }

    /** For the queue, under its lock: what a waiting message (mode followup) may do now. */
    Turn turn(RunMeta w, Config config, Map<String, String> env) {
        RunMeta source = source(w);
        if (source == null) {
            return Turn.failing("not delivered: run " + (w.after().isEmpty() ? "(none)" : w.after().get(0)) + " is gone");
        }
        if (!source.isFinished()) return Turn.waiting("after " + source.runId() + " (" + source.status() + ")");
        if (source.outcomeValue() == Outcome.LOST) return Turn.failing("not delivered: run " + source.runId() + " was lost");
        if (source.threadId() == null) {
            return Turn.failing("not delivered: run " + source.runId() + " ended without a codex thread");
        }
        List<String> argv;
        try {
            argv = Backends.of(w.agent()).withResumeSession(w.codexArgv(), source.threadId());
        } catch (RuntimeException e) {
            return Turn.failing("not delivered: " + e.getMessage());
        }
        // A worktree message's change starts where its run left the branch (leftovers committed at its end).
        String base = w.isWorktree() && w.branch() != null
                ? new Git(Paths.get(w.projectDir())).commitOf("refs/heads/" + w.branch()) : null;
        return new Turn(null, null, source.threadId(), argv, base, paneOf(source, config, env));
    }

    /** A message opens next to the pane of the run it follows while that pane is still there. */
    private static String paneOf(RunMeta source, Config config, Map<String, String> env) {
        if (source.paneId() == null || Config.LAUNCHER_DETACHED.equals(source.launcher())) return null;
        try {
            return new Tmux(config.tmuxSocket(), env).paneExists(source.paneId()) ? source.paneId() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
