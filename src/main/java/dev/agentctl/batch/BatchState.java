package dev.agentctl.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.lifecycle.Escalation;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A batch as it stands now: each task with the run its result comes from (the escalated one, if any). */
public record BatchState(String group, List<Task> tasks) {
    /** @param runs the task's runs, first to last (more than one when it escalated); last is its result */
    public record Task(String id, List<RunMeta> runs) {
        public RunMeta last() { return runs.isEmpty() ? null : runs.get(runs.size() - 1); }

        /** Finished for good: its last run ended and no escalation is still to start. */
        public boolean done() {
            RunMeta m = last();
            return m == null || m.isFinished() && !Escalation.pending(m);
        }

        public boolean succeeded() {
            RunMeta m = last();
            return m != null && m.isFinished() && m.outcomeValue() == Outcome.SUCCEEDED;
        }

        public String state() {
            RunMeta m = last();
            if (m == null) return "missing";
            if (!done()) return m.isFinished() ? "escalating" : m.isWaitingInQueue() ? "waiting" : m.status();
            return m.outcome() == null ? "finished" : m.outcome();
        }

        /** Seconds since it started (to its end when it ended); null when it never started. */
        public Long elapsedSeconds(Instant now) {
            RunMeta first = runs.isEmpty() ? null : runs.get(0);
            RunMeta m = last();
            String from = first == null ? null : first.str(RunMeta.STARTED_AT);
            if (from == null) return null;
            try {
                Instant end = m.isFinished() && m.str(RunMeta.ENDED_AT) != null ? Instant.parse(m.str(RunMeta.ENDED_AT)) : now;
                return Math.max(0, Duration.between(Instant.parse(from), end).getSeconds());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    public static BatchState read(RunStore store, BatchRecord record) {
        List<Task> tasks = new ArrayList<>();
        for (BatchRecord.Entry e : record.tasks()) {
            List<RunMeta> chain = new ArrayList<>();
            RunId first = RunId.parse(e.runId()); // the batch record is a file: a bad id in it names no run
            RunMeta m = first == null ? null : store.readQuietly(first);
            for (int i = 0; m != null && i < 10; i++) {
                chain.add(m);
                m = m.escalatedTo() == null ? null : store.readQuietly(m.escalatedTo());
            }
            tasks.add(new Task(e.id(), chain));
        }
        return new BatchState(record.group(), tasks);
    }

    public boolean done() { return tasks.stream().allMatch(Task::done); }
    public boolean succeeded() { return tasks.stream().allMatch(Task::succeeded); }

    /** Tasks done without success (a failed dependency included). */
    public List<Task> failed() {
        return tasks.stream().filter(t -> t.done() && !t.succeeded()).toList();
    }

    /** Every run of the batch not finished yet. */
    public List<RunId> unfinishedRuns() {
        List<RunId> ids = new ArrayList<>();
        for (Task t : tasks) for (RunMeta m : t.runs()) if (!m.isFinished()) ids.add(m.runId());
        return ids;
    }

    /** The finished runs whose escalation is still to start (the queue starts it if their supervisor died). */
    public List<RunId> escalating() {
        List<RunId> ids = new ArrayList<>();
        for (Task t : tasks) if (!t.done() && t.last().isFinished()) ids.add(t.last().runId());
        return ids;
    }

    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("group", group);
        o.addProperty("done", done());
        o.addProperty("succeeded", succeeded());
        JsonArray a = new JsonArray();
        for (Task t : tasks) {
            JsonObject x = new JsonObject();
            x.addProperty("id", t.id());
            x.addProperty("state", t.state());
            RunMeta last = t.last();
            x.add("run_id", Json.of(last == null ? null : last.runId().value()));
            JsonArray ids = new JsonArray();
            t.runs().forEach(m -> ids.add(m.runId().value()));
            x.add("run_ids", ids);
            x.add("meta", last == null ? com.google.gson.JsonNull.INSTANCE : last.json());
            a.add(x);
        }
        o.add("tasks", a);
        return o;
    }
}
