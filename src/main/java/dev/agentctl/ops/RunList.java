package dev.agentctl.ops;

import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.QueueView;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.GroupStore;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What `list` (the command, the MCP tool list_runs and the runs://list resource) selects, and how. */
public final class RunList {
    /** The fields a listing, a group report and the tools need of each run; the index keeps them for finished runs. */
    public static final List<String> FIELDS = List.of("run_id", "status", "outcome", "project", "profile", "goal_met",
            "exit_code", "parent_run_id", "title", "created_at", "stalled", "isolation", "branch", "worktree", "group", "depth",
            "spawned_by", "usage", "started_at", "ended_at", "duration_s", "git_diff_stat", "batch_task_id");

    private final RunStore runs;
    private final Reconciler reconciler;
    private final Queue queue;
    private final Consumer<String> warn;

    public RunList(RunStore runs, Reconciler reconciler, Queue queue, Consumer<String> warn) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.queue = queue;
        this.warn = warn;
    }

    /** The runs selected, newest first, and every queued run's place in the queue. */
    public record Listing(List<RunMeta> runs, Map<RunId, Integer> queuePositions) {}

    /** @param group null: runs of any group */
    public Listing list(RunQuery query, String group) {
        if (group != null) GroupStore.validateName(group);
        // The index hands back the newest matching finished runs and every unfinished run, not all ten
        // thousand; every unfinished run is among them, so the queue's positions are whole.
        RunQuery q = group == null ? query : new RunQuery(query.status(), query.project(), group, query.limit());
        List<RunMeta> settled = settle(new RunIndex(runs, FIELDS).runs(q, warn));
        Map<RunId, Integer> positions = QueueView.positions(settled);
        return new Listing(q.select(settled), positions);
    }

    /**
     * Every run, reconciled first (a run whose supervisor is gone is lost, and must be filtered as such) and
     * with the queue moved on. Finished runs may be the index's reduced entries: see {@link #whole}.
     */
    public List<RunMeta> all() {
        return settle(new RunIndex(runs, FIELDS).runs(RunQuery.all(), warn));
    }

    private List<RunMeta> settle(List<RunMeta> candidates) {
        return QueueView.settle(runs, queue, reconciler.reconcileAll(candidates));
    }

    /** The whole meta of a run the index gave in part; read one by one, as they may be large. */
    public RunMeta whole(RunMeta m) {
        if (!FIELDS.containsAll(m.json().keySet())) return m;
        RunMeta whole = runs.readQuietly(m.runId());
        return whole != null ? whole : m; // deleted meanwhile: what we know
    }
}
