package dev.agentctl.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated plan: its group (null: a generated name), description, how many of its runs may run at once
 * (null: no cap of its own) and its tasks, in the plan's order, dependencies before dependents guaranteed
 * acyclic.
 */
public record Plan(String group, String description, Integer maxParallel, List<PlanTask> tasks) {
    public Plan {
        tasks = List.copyOf(tasks);
    }

    public PlanTask task(String id) {
        for (PlanTask t : tasks) if (t.id().equals(id)) return t;
        return null;
    }

    public Plan withMaxParallel(Integer n) {
        return new Plan(group, description, n, tasks);
    }

    /** Tasks by wave: wave 0 depends on nothing, wave n on tasks of earlier waves (at least one of wave n-1). */
    public List<List<PlanTask>> waves() {
        Map<String, Integer> level = new HashMap<>();
        List<List<PlanTask>> waves = new ArrayList<>();
        for (PlanTask t : inOrder()) {
            int l = 0;
            for (String d : t.after()) l = Math.max(l, level.get(d) + 1);
            level.put(t.id(), l);
            while (waves.size() <= l) waves.add(new ArrayList<>());
            waves.get(l).add(t);
        }
        return waves;
    }

    /** The tasks so that each comes after the tasks it depends on (plan order otherwise). */
    public List<PlanTask> inOrder() {
        Map<String, PlanTask> left = new LinkedHashMap<>();
        tasks.forEach(t -> left.put(t.id(), t));
        List<PlanTask> out = new ArrayList<>();
        while (!left.isEmpty()) {
            PlanTask next = null;
            for (PlanTask t : left.values()) {
                if (t.after().stream().noneMatch(left::containsKey)) {
                    next = t;
                    break;
                }
            }
            if (next == null) throw new IllegalStateException("cycle in a validated plan");
            out.add(next);
            left.remove(next.id());
        }
        return out;
    }
}
