package dev.agentctl.batch;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.BatchLink;
import dev.agentctl.lifecycle.Escalation;
import dev.agentctl.lifecycle.HeldRuns;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Group;
import dev.agentctl.workspace.GroupStore;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Puts a plan in the queue as one group: each task a queued run waiting (--after) for its dependencies' runs,
 * the group capped at max_parallel. From then on the queue does the work, with or without this process.
 * All or nothing: every run is made held (never launched) and released in one pass once all exist; a start
 * that fails takes back every run, the batch record and the group this submission made.
 */
public final class BatchSubmit {
    private final RunStore store;
    private final Config config;
    private final Io io;
    private final Supplier<Notifier> notifier;
    private final Supplier<RunKiller> killer;

    public BatchSubmit(RunStore store, Config config, Io io, Supplier<Notifier> notifier, Supplier<RunKiller> killer) {
        this.store = store;
        this.config = config;
        this.io = io;
        this.notifier = notifier;
        this.killer = killer;
    }

    /**
     * What a submission will do, checked before anything is written.
     *
     * @param old     the batch being resumed (null: none)
     * @param kept    task id to run id of the tasks whose runs succeeded (a resume keeps them)
     * @param toStart the tasks to start, dependencies first
     */
    public record Prepared(Plan plan, String source, String group, boolean generatedGroup, BatchRecord old,
            Map<String, String> kept, List<PlanTask> toStart, RunsRoom room) {}

    /** Checks the plan against its group (its batch, its max_runs); with resumeGroup, keeps what succeeded there. */
    public Prepared prepare(Plan plan, String source, String resumeGroup) {
        boolean generated = resumeGroup == null && plan.group() == null;
        String group = resumeGroup != null ? resumeGroup : generated ? generatedName() : plan.group();
        BatchRecord old = BatchRecord.find(store.workspace(), group);
        if (resumeGroup != null && old == null) throw AgentctlException.usage("group '" + group + "' has no batch to resume");
        if (resumeGroup == null && old != null) {
            throw AgentctlException.usage("group '" + group + "' already ran a batch (use --resume " + group + ")");
        }
        Map<String, String> kept = new HashMap<>();
        List<PlanTask> toStart = new ArrayList<>();
        for (PlanTask t : plan.inOrder()) {
            BatchRecord.Entry e = old == null ? null : old.task(t.id());
            RunMeta done = e == null || e.runId() == null ? null : Escalation.last(store, RunId.parse(e.runId()));
            if (done != null && done.isFinished() && done.outcomeValue() == Outcome.SUCCEEDED) kept.put(t.id(), e.runId());
            else toStart.add(t);
        }
        int escalations = (int) toStart.stream().filter(t -> t.escalate() != null).count();
        RunsRoom room = RunsRoom.of(group, new GroupStore(store.workspace()).find(group), toStart.size(), escalations,
                config.maxRunsPerGroup());
        room.check();
        return new Prepared(plan, source, group, generated, old, kept, toStart, room);
    }

    /** Starts the prepared tasks; if one cannot start, nothing of this submission is left and the error is thrown. */
    public BatchRecord submit(Prepared p) {
        GroupStore groups = new GroupStore(store.workspace());
        Group before = groups.find(p.group());
        if (p.room().note() != null) io.err().println("agentctl: note: " + p.room().note());
        groups.create(p.group(), p.plan().description(), null, p.plan().maxParallel(), p.room().raisedTo());
        BatchLink.Hold hold = new BatchLink.Hold("batch " + p.group() + " being submitted", ProcessIdentity.current());
        Map<String, String> runOf = new HashMap<>(p.kept());
        List<RunId> made = new ArrayList<>();
        try {
            for (PlanTask t : p.toStart()) {
                Map<String, String> deps = new LinkedHashMap<>();
                for (String d : t.after()) deps.put(d, runOf.get(d));
                QueueOptions q = new QueueOptions(p.group(), deps.values().stream().map(RunId::of).toList(), false, null, false,
                        new BatchLink(t.id(), deps, t.escalate(), hold));
                RunId id = new RunStarter(store, config, io, notifier).start(RunRequest.start(t.project(), t.profile(),
                        t.title(), t.prompt(), null, null, null, t.timeoutSeconds(), false, null, t.isolation(), null).withQueue(q));
                made.add(id);
                runOf.put(t.id(), id.value());
                // Written as runs are made: a batch killed here (kill -9) leaves a record --resume can use.
                record(p.plan(), p.source(), p.group(), runOf).write(store.workspace());
            }
            BatchRecord r = record(p.plan(), p.source(), p.group(), runOf);
            r.write(store.workspace());
            new Queue(store, config, () -> new RunFinalizer(store, notifier.get()), io.env()).release(made);
            return r;
        } catch (RuntimeException e) {
            rollBack(p, before, made);
            throw e;
        }
    }

    /** Takes back what a failed submission made; each step best effort (the start's error is the one to report). */
    private void rollBack(Prepared p, Group before, List<RunId> made) {
        try {
            List<RunId> launched = new HeldRuns(store, config).discard(made);
            if (!launched.isEmpty()) killer.get().kill(launched, "batch " + p.group() + " could not be submitted");
        } catch (Exception ignored) {
            // the runs left show in agentctl list
        }
        try {
            if (p.old() != null) p.old().write(store.workspace());
            else BatchRecord.delete(store.workspace(), p.group());
        } catch (RuntimeException ignored) {
            // a record left names runs that no longer exist: batch status shows them missing
        }
        try {
            GroupStore groups = new GroupStore(store.workspace());
            if (before == null) groups.deleteIfUnused(p.group());
            else groups.restoreSettings(before);
        } catch (RuntimeException ignored) {
            // an empty group is harmless
        }
    }

    private static BatchRecord record(Plan plan, String source, String group, Map<String, String> runOf) {
        List<BatchRecord.Entry> entries = new ArrayList<>();
        for (PlanTask t : plan.tasks()) entries.add(new BatchRecord.Entry(t.id(), runOf.get(t.id()), t.after()));
        return new BatchRecord(group, source, entries);
    }

    private static String generatedName() {
        return "batch-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
