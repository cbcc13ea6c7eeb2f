package dev.agentctl.lifecycle;

import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import dev.agentctl.run.RunStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What commands that see every run (list, reconcile) do for the queue as they go. */
public final class QueueView {
    private QueueView() {}

    /**
     * Given every run (reconciled), puts unfinished runs the record lacks back in it, lets the queue launch
     * what may run now, and returns the runs with the unfinished ones as they are after that.
     */
    public static List<RunMeta> settle(RunStore store, Queue queue, List<RunMeta> runs) {
        List<RunId> unfinished = new ArrayList<>();
        boolean waiting = false;
        for (RunMeta m : runs) {
            if (m.isFinished()) continue;
            unfinished.add(m.runId());
            waiting |= m.isWaitingInQueue();
        }
        if (unfinished.isEmpty()) return runs;
        new ActiveRuns(store).addMissing(unfinished);
        if (!waiting) return runs;
        queue.promote();
        List<RunMeta> out = new ArrayList<>(runs.size());
        for (RunMeta m : runs) {
            RunMeta now = m.isFinished() ? m : store.readQuietly(m.runId());
            out.add(now != null ? now : m);
        }
        return out;
    }

    /** 1-based places of the runs waiting in the queue, oldest first, by id. */
    public static Map<RunId, Integer> positions(List<RunMeta> runs) {
        List<RunMeta> waiting = new ArrayList<>();
        for (RunMeta m : runs) if (m.isWaitingInQueue()) waiting.add(m);
        waiting.sort(RunQuery.NEWEST_FIRST.reversed());
        Map<RunId, Integer> pos = new HashMap<>();
        for (int i = 0; i < waiting.size(); i++) pos.put(waiting.get(i).runId(), i + 1);
        return pos;
    }
}
