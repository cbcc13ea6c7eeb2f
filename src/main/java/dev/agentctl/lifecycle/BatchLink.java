package dev.agentctl.lifecycle;

import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's place in a batch plan: its task id, the runs of the tasks it depends on (task id to run id, which
 * its prompt's {{ID.field}} templates read when it is launched), the profile it escalates to (or null), and
 * the hold it is made under while its batch is submitted (or null: it may be launched at once).
 */
public record BatchLink(String taskId, Map<String, String> deps, String escalate, Hold hold) {
    /** Never launched until released: why it waits, and the submitting process (gone: the queue ends the run). */
    public record Hold(String reason, ProcessIdentity submitter) {}

    public BatchLink {
        deps = deps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deps));
    }

    public BatchLink(String taskId, Map<String, String> deps, String escalate) {
        this(taskId, deps, escalate, null);
    }

    /** Writes the link into a new run's meta. */
    void joinTo(RunMeta meta) {
        meta.joinBatch(taskId, deps, escalate);
        if (hold != null) meta.hold(hold.reason(), hold.submitter().pid(), hold.submitter().startedAtMillis());
    }
}
