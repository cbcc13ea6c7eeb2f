package dev.agentctl.lifecycle;

import dev.agentctl.run.RunId;
import java.util.List;

/**
 * How a new run takes its place among others: its group (null: the parent run's, else none), the runs it
 * waits for (and whether their outcome matters), how long it may wait for a slot, whether it may wait, and
 * the batch task it is (null: none).
 */
public record QueueOptions(String group, List<RunId> after, boolean afterAny, Long queueTimeoutSeconds, boolean noQueue,
        BatchLink batch) {
    public static final QueueOptions NONE = new QueueOptions(null, List.of(), false, null, false);

    public QueueOptions {
        after = after == null ? List.of() : List.copyOf(after);
    }

    public QueueOptions(String group, List<RunId> after, boolean afterAny, Long queueTimeoutSeconds, boolean noQueue) {
        this(group, after, afterAny, queueTimeoutSeconds, noQueue, null);
    }
}
