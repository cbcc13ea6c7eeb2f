package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Violations;
import dev.agentctl.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What start decides before anything is written: which run (if any) is starting this one, the group and
 * depth it gets, and whether the anti-spiral rules allow it. Every refusal is recorded in violations.jsonl.
 */
public final class Admission {
    /** Set in every run's codex environment; a start that sees them was made from inside that run. */
    public static final String RUN_ID_ENV = "AGENTCTL_RUN_ID";
    public static final String GROUP_ENV = "AGENTCTL_GROUP";
    public static final String DEPTH_ENV = "AGENTCTL_DEPTH";
    public static final String SELF_ENV = "AGENTCTL";

    private final RunStore store;
    private final Config config;
    private final Map<String, String> env;

    public Admission(RunStore store, Config config, Map<String, String> env) {
        this.store = store;
        this.config = config;
        this.env = env;
    }

    /** Where the new run goes: null spawnedBy for a run started by a person or an orchestrator (depth 0). */
    public record Placement(String group, int depth, RunId spawnedBy) {}

    public Placement place(String requestedGroup, String profile, String title, List<RunId> after, RunId ownRunId) {
        if (requestedGroup != null) GroupStore.validateName(requestedGroup);
        // Read every setting now: a bad one is a usage error here, not a stuck queue later.
        config.maxConcurrent();
        int maxDepth = config.maxDepth();
        Map<String, List<String>> rules = config.spawnRules();
        int maxRuns = config.maxRunsPerGroup();
        checkAfter(after, ownRunId);
        RunMeta parent = spawningRun();
        String group = requestedGroup != null ? requestedGroup : parent == null ? null : parent.group();
        int depth = parent == null ? 0 : parent.depth() + 1;
        if (parent != null && depth > maxDepth) {
            throw refuse("max_depth", Integer.toString(maxDepth), RunId.string(parent.runId()), group, title,
                    "refused: max_depth " + maxDepth + " reached (parent " + parent.runId() + " is at depth " + parent.depth() + ")");
        }
        List<String> allowed = parent == null || rules == null ? null : rules.get(parent.profile());
        if (allowed != null && !allowed.contains(profile)) {
            throw refuse("spawn_rules", parent.profile() + " -> " + allowed, RunId.string(parent.runId()), group, title,
                    "refused: spawn_rules: a " + parent.profile() + " run may start " + (allowed.isEmpty() ? "no runs"
                            : "only " + String.join(", ", allowed) + " runs") + ", not " + profile + " (parent " + parent.runId() + ")");
        }
        if (group != null) {
            new GroupStore(store.workspace()).claimRun(group, maxRuns,
                    message -> refuse("max_runs", null, parent == null ? null : RunId.string(parent.runId()), group, title, message));
        }
        return new Placement(group, depth, parent == null ? null : parent.runId());
    }

    /** The run whose codex is making this start: named by the environment, and of this workspace; else null. */
    public RunMeta spawningRun() {
        String name = env.get(RUN_ID_ENV);
        if (name == null || name.isBlank()) return null;
        String home = env.get(Workspace.HOME_ENV);
        if (home != null && !new Workspace(java.nio.file.Paths.get(home)).home().equals(store.workspace().home())) return null;
        RunId id = RunId.parse(name);
        return id == null ? null : store.readQuietly(id);
    }

    /** Unknown runs and cycles (a run that would wait on itself) are refused before anything is made. */
    private void checkAfter(List<RunId> after, RunId ownRunId) {
        Set<RunId> seen = new HashSet<>();
        Deque<RunId> todo = new ArrayDeque<>(after);
        for (RunId id : after) {
            if (store.readQuietly(id) == null) throw AgentctlException.usage("--after: unknown run id '" + id + "'");
        }
        while (!todo.isEmpty()) {
            RunId id = todo.pop();
            if (id.equals(ownRunId)) throw AgentctlException.usage("--after: run " + ownRunId + " would wait on itself (a cycle)");
            if (!seen.add(id)) continue;
            RunMeta m = store.readQuietly(id);
            if (m != null) todo.addAll(m.after());
        }
    }

    private AgentctlException refuse(String rule, String limit, String parent, String group, String title, String message) {
        new Violations(store.workspace()).append(new Violations.Violation(rule, limit, parent, group, title, message));
        return AgentctlException.failed(message);
    }

    /** A refusal of a run that would have had to wait (--no-queue), recorded like the others. */
    public static AgentctlException refuseQueueing(Workspace ws, Placement p, String title, String reason) {
        String message = "refused: --no-queue and " + reason;
        new Violations(ws).append(new Violations.Violation("no_queue", reason, RunId.string(p.spawnedBy()), p.group(), title, message));
        return AgentctlException.failed(message);
    }
}
