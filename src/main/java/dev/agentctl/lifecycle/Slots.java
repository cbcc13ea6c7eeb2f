package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Group;
import dev.agentctl.workspace.GroupStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The caps and the runs holding slots against them (running, or launched and about to run): global,
 * per project, per group. Says why a run must wait, or that it may take a slot.
 */
final class Slots {
    private final int global;
    private final Map<String, Integer> projectCaps;
    private final GroupStore groups;
    private final Map<String, Integer> groupCaps = new HashMap<>();
    private int total;
    private final Map<String, Integer> byProject = new HashMap<>();
    private final Map<String, Integer> byGroup = new HashMap<>();

    /** @param global 0 for no cap; projectCaps only lists projects that have one */
    Slots(int global, Map<String, Integer> projectCaps, GroupStore groups) {
        this.global = global;
        this.projectCaps = projectCaps;
        this.groups = groups;
    }

    void take(RunMeta m) {
        total++;
        if (m.project() != null) byProject.merge(m.project(), 1, Integer::sum);
        if (m.group() != null) byGroup.merge(m.group(), 1, Integer::sum);
    }

    int total() { return total; }
    int inProject(String project) { return byProject.getOrDefault(project, 0); }
    int inGroup(String group) { return byGroup.getOrDefault(group, 0); }

    /** Which cap keeps the run waiting, in the words queued_reason uses; null when it may start. */
    String reasonToWait(RunMeta m) {
        if (global > 0 && total >= global) return "max_concurrent " + global + " reached (" + total + " running)";
        Integer p = m.project() == null ? null : projectCaps.get(m.project());
        if (p != null && p > 0 && inProject(m.project()) >= p) {
            return "project " + m.project() + " max_concurrent " + p + " reached (" + inProject(m.project()) + " running)";
        }
        Integer g = m.group() == null ? null : groupCap(m.group());
        if (g != null && g > 0 && inGroup(m.group()) >= g) {
            return "group " + m.group() + " max_concurrent " + g + " reached (" + inGroup(m.group()) + " running)";
        }
        return null;
    }

    Integer groupCap(String name) {
        return groupCaps.computeIfAbsent(name, n -> {
            Group g = groups.find(n);
            return g == null || g.maxConcurrent() == null ? 0 : g.maxConcurrent();
        });
    }
}
