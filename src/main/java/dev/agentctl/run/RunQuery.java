package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Which runs `list` shows: filters, newest first by created_at, then the limit. */
public record RunQuery(String status, String project, String group, Integer limit) {
    /** What --status accepts: a state or an outcome, by its wire name. */
    public static final Set<String> STATES = allNames();

    public RunQuery {
        if (status != null && !STATES.contains(status)) {
            throw AgentctlException.usage("unknown status '" + status + "' (one of " + String.join(", ", new java.util.TreeSet<>(STATES)) + ")");
        }
    }

    /** A query over every group. */
    public RunQuery(String status, String project, Integer limit) {
        this(status, project, null, limit);
    }

    /** Every run, no filter and no limit (prune, group show). */
    public static RunQuery all() {
        return new RunQuery(null, null, null, null);
    }

    /** Every run's whole meta; corrupt or unreadable runs are reported to warn and skipped. */
    public static List<RunMeta> readAll(RunStore store, Consumer<String> warn) {
        List<RunMeta> out = new ArrayList<>();
        for (RunId id : store.ids()) {
            try {
                out.add(store.read(id));
            } catch (AgentctlException e) {
                warn.accept("skipping run " + id + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The runs that match, newest first, at most limit of them. */
    public List<RunMeta> select(List<RunMeta> runs) {
        List<RunMeta> out = new ArrayList<>();
        for (RunMeta m : runs) {
            if (matches(m)) out.add(m);
        }
        out.sort(NEWEST_FIRST);
        return limit == null || out.size() <= limit ? out : out.subList(0, limit);
    }

    boolean matches(RunMeta m) {
        if (project != null && !project.equals(m.project())) return false;
        if (group != null && !group.equals(m.group())) return false;
        return status == null || status.equals(m.status()) || status.equals(m.outcome());
    }

    public static final Comparator<RunMeta> NEWEST_FIRST = Comparator
            .comparing((RunMeta m) -> m.createdAt() == null ? "" : m.createdAt())
            .thenComparing(m -> m.str(MetaKeys.RUN_ID) == null ? "" : m.str(MetaKeys.RUN_ID))
            .reversed();

    private static Set<String> allNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (RunState s : RunState.values()) names.add(s.wire());
        for (Outcome o : Outcome.values()) names.add(o.wire());
        return Set.copyOf(names);
    }
}
