package dev.agentctl.lifecycle;

import dev.agentctl.base.Io;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Project;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A batch task's `escalate`: when its run ends goal_not_met with a follow-up prompt, one resume of it with
 * the deeper profile starts, and the task's result is that run's (escalated_to points there). Two triggers:
 * the run's own supervisor as it ends, and the queue (any promote) once that supervisor is gone without
 * having done it. Both decide under the queue lock on a fresh read, so the escalation starts once; until
 * it has started (or failed to: escalation_error), dependents wait.
 */
public final class Escalation {
    private static final int MAX_HOPS = 10;
    /**
     * Set while this thread starts an escalation: the start goes through the queue, whose lock is re-entrant,
     * and nothing it calls may start the same escalation again before escalated_to is written.
     */
    private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> false);

    private final RunStore store;
    private final Config config;
    private final Map<String, String> callerEnv;
    private final Supplier<Notifier> notifier;

    /** @param callerEnv the environment the escalated run gets (the escalating run's caller's) */
    public Escalation(RunStore store, Config config, Map<String, String> callerEnv, Supplier<Notifier> notifier) {
        this.store = store;
        this.config = config;
        this.callerEnv = callerEnv;
        this.notifier = notifier;
    }

    /** The run a task's result comes from: this one, or the run it escalated to (and so on). */
    public static RunMeta last(RunStore store, RunId runId) {
        RunMeta m = runId == null ? null : store.readQuietly(runId);
        for (int i = 0; m != null && m.escalatedTo() != null && i < MAX_HOPS; i++) {
            RunMeta next = store.readQuietly(m.escalatedTo());
            if (next == null) break;
            m = next;
        }
        return m;
    }

    /** Whether the run ended in a way that escalates (one escalation per task: escalated runs have none). */
    public static boolean wanted(RunMeta m) {
        return m.isFinished() && m.outcomeValue() == Outcome.GOAL_NOT_MET && m.batchEscalate() != null
                && m.followupPrompt() != null && !m.followupPrompt().isBlank();
    }

    /** Ended for an escalation that has neither started nor failed to start yet. */
    public static boolean pending(RunMeta m) {
        return wanted(m) && m.escalatedTo() == null && m.escalationError() == null;
    }

    /** Pending, and its supervisor (the first trigger) has exited without starting it, or never ran. */
    static boolean orphaned(RunMeta m) {
        if (!pending(m)) return false;
        ProcessIdentity supervisor = m.supervisor();
        return supervisor == null || !supervisor.isAlive();
    }

    /** The supervisor's trigger: starts the escalation of the run that just ended, when it wants one; the new run id or null. */
    public RunId afterFinish(RunId runId, PrintStream err) {
        return startOnce(runId, err);
    }

    /**
     * The queue's trigger, for the results of these runs (their last escalation): each orphaned one is started
     * with ownEnv, placed as its run was. A start that fails is recorded in the run (escalation_error), which
     * lets its dependents end; nothing is thrown. True when any was tried.
     */
    static boolean startOrphaned(RunStore store, Config config, Map<String, String> ownEnv, Supplier<Notifier> notifier,
            Collection<RunId> runIds) {
        boolean tried = false;
        for (RunId id : runIds) {
            RunMeta m = last(store, id);
            if (m == null || !orphaned(m)) continue;
            tried = true;
            try {
                new Escalation(store, config, placedAs(ownEnv, m), notifier).startOnce(m.runId(),
                        new PrintStream(OutputStream.nullOutputStream()));
            } catch (RuntimeException e) {
                // recorded in the run as escalation_error
            }
        }
        return tried;
    }

    /** ownEnv, as if the start came from the run that started the escalating run (or from no run). */
    private static Map<String, String> placedAs(Map<String, String> ownEnv, RunMeta m) {
        Map<String, String> env = new HashMap<>(ownEnv);
        env.remove(Admission.RUN_ID_ENV);
        env.remove(Admission.GROUP_ENV);
        env.remove(Admission.DEPTH_ENV);
        if (m.spawnedBy() != null) env.put(Admission.RUN_ID_ENV, m.spawnedBy().value());
        return env;
    }

    /** Decided under the queue lock on a fresh read: the escalation starts once, whichever trigger comes first. */
    private RunId startOnce(RunId runId, PrintStream err) {
        if (STARTING.get()) return null;
        return new ActiveRuns(store).locked(() -> {
            RunMeta m = store.readQuietly(runId);
            if (m == null || !pending(m)) return null;
            STARTING.set(true);
            try {
                return start(runId, m, err);
            } finally {
                STARTING.set(false);
            }
        });
    }

    private RunId start(RunId runId, RunMeta m, PrintStream err) {
        try {
            Project p = new Project(m.project(), Paths.get(m.projectDir()), null);
            String title = (m.title() == null ? m.batchTaskId() : m.title()) + " (escalated to " + m.batchEscalate() + ")";
            Io io = new Io(java.io.InputStream.nullInputStream(), err, err, callerEnv, Paths.get(m.projectDir()), false);
            RunRequest req = RunRequest.resume(p, config.profile(m.batchEscalate()), title,
                    m.followupPrompt().getBytes(StandardCharsets.UTF_8), m.timeoutSeconds(), m, "detached".equals(m.launcher()))
                    .withQueue(new QueueOptions(m.group(), List.of(), false, null, false,
                            new BatchLink(m.batchTaskId(), Map.of(), null)));
            RunId id = new RunStarter(store, config, io, notifier).start(req);
            store.update(runId, r -> { r.recordEscalation(id); return true; });
            return id;
        } catch (RuntimeException e) {
            store.update(runId, r -> { r.recordEscalationProblem(String.valueOf(e.getMessage())); return true; });
            throw e;
        }
    }
}
