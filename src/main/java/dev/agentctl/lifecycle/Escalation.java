package dev.agentctl.lifecycle;

import dev.agentctl.base.Io;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Project;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A batch task's `escalate`: when its run ends goal_not_met with a follow-up prompt, one resume of it with
 * the deeper profile starts, and the task's result is that run's (escalated_to points there). Started by the
 * run's own supervisor as it ends; until then its dependents wait (for at most {@link #GRACE}).
 */
public final class Escalation {
    /** How long dependents wait for an escalation whose supervisor died before starting it. */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int MAX_HOPS = 10;

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

    /** Ended for an escalation that has not started yet (and may still: its grace has not passed). */
    public static boolean pending(RunMeta m) {
        if (!wanted(m) || m.escalatedTo() != null || m.escalationError() != null) return false;
        try {
            return m.str(RunMeta.ENDED_AT) == null || Instant.parse(m.str(RunMeta.ENDED_AT)).plus(GRACE).isAfter(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Starts the escalation of a run that just ended, when it wants one; returns the new run id or null. */
    public RunId afterFinish(RunId runId, PrintStream err) {
        RunMeta m = store.readQuietly(runId);
        if (m == null || !wanted(m) || m.escalatedTo() != null) return null;
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
