package dev.agentctl.batch;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.BatchLink;
import dev.agentctl.lifecycle.Escalation;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
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
     * Starts the plan's tasks; with resumeGroup, only those whose run in that group's batch did not succeed
     * (the others keep their results). If a start fails, the runs made so far are killed and the error thrown.
     */
    public BatchRecord submit(Plan plan, String source, String resumeGroup) {
        String group = resumeGroup != null ? resumeGroup : plan.group() != null ? plan.group() : generatedName();
        GroupStore groups = new GroupStore(store.workspace());
        BatchRecord old = BatchRecord.find(store.workspace(), group);
        if (resumeGroup != null && old == null) throw AgentctlException.usage("group '" + group + "' has no batch to resume");
        if (resumeGroup == null && old != null) {
            throw AgentctlException.usage("group '" + group + "' already ran a batch (use --resume " + group + ")");
        }
        Map<String, String> runOf = new HashMap<>();
        List<PlanTask> toStart = new ArrayList<>();
        for (PlanTask t : plan.inOrder()) {
            BatchRecord.Entry e = old == null ? null : old.task(t.id());
            RunMeta done = e == null || e.runId() == null ? null : Escalation.last(store, RunId.parse(e.runId()));
            if (done != null && done.isFinished() && done.outcomeValue() == Outcome.SUCCEEDED) runOf.put(t.id(), e.runId());
            else toStart.add(t);
        }
        prepareGroup(groups, group, plan, toStart.size());
        List<RunId> made = new ArrayList<>();
        try {
            for (PlanTask t : toStart) {
                Map<String, String> deps = new LinkedHashMap<>();
                for (String d : t.after()) deps.put(d, runOf.get(d));
                QueueOptions q = new QueueOptions(group, deps.values().stream().map(RunId::of).toList(), false, null, false,
                        new BatchLink(t.id(), deps, t.escalate()));
                RunId id = new RunStarter(store, config, io, notifier).start(RunRequest.start(t.project(), t.profile(),
                        t.title(), t.prompt(), null, null, null, t.timeoutSeconds(), false, null, t.isolation(), null).withQueue(q));
                made.add(id);
                runOf.put(t.id(), id.value());
                record(plan, source, group, runOf).write(store.workspace());
            }
        } catch (RuntimeException e) {
            try {
                if (!made.isEmpty()) killer.get().kill(made, "batch " + group + " could not be submitted");
            } catch (Exception ignored) {
                // the start's error is the one to report; the runs made show in agentctl list
            }
            throw e;
        }
        BatchRecord r = record(plan, source, group, runOf);
        r.write(store.workspace());
        return r;
    }

    private static BatchRecord record(Plan plan, String source, String group, Map<String, String> runOf) {
        List<BatchRecord.Entry> entries = new ArrayList<>();
        for (PlanTask t : plan.tasks()) entries.add(new BatchRecord.Entry(t.id(), runOf.get(t.id()), t.after()));
        return new BatchRecord(group, source, entries);
    }

    /** The group, capped at max_parallel, with room for the plan's runs (and escalations) under max_runs. */
    private void prepareGroup(GroupStore groups, String group, Plan plan, int starting) {
        Group g = groups.find(group);
        int escalations = (int) plan.tasks().stream().filter(t -> t.escalate() != null).count();
        int needed = (g == null ? 0 : g.runsStarted()) + starting + escalations;
        Integer maxRuns = (g == null || g.maxRuns() == null) && needed > config.maxRunsPerGroup() ? needed : null;
        groups.create(group, plan.description(), null, plan.maxParallel(), maxRuns);
    }

    private static String generatedName() {
        return "batch-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
