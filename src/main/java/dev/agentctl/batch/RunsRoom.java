package dev.agentctl.batch;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.Group;

/**
 * Whether a batch's runs fit under its group's max_runs: the runs the group has had, the tasks to start and
 * one escalation for each task that may escalate. A cap set on the group itself is the user's and is never
 * raised (the plan is refused); the workspace's default is raised for the group, and said so.
 *
 * @param explicit the cap is the group's own max_runs (not config's max_runs_per_group)
 */
public record RunsRoom(String group, int started, int tasks, int escalations, int cap, boolean explicit) {
    static RunsRoom of(String group, Group g, int tasks, int escalations, int defaultCap) {
        boolean explicit = g != null && g.maxRuns() != null;
        return new RunsRoom(group, g == null ? 0 : g.runsStarted(), tasks, escalations, explicit ? g.maxRuns() : defaultCap, explicit);
    }

    public int needed() { return started + tasks + escalations; }

    /** The max_runs the group is given for the plan, or null when its cap is left as it is. */
    public Integer raisedTo() { return !explicit && needed() > cap ? needed() : null; }

    /** Refuses (usage) a plan that needs more runs than the group's own cap allows. */
    void check() {
        if (!explicit || needed() <= cap) return;
        throw AgentctlException.usage("group " + group + " has max_runs " + cap + " but the batch needs up to " + needed()
                + " runs (" + counts() + "); raise it with: agentctl group create " + group + " --max-runs " + needed());
    }

    /** The one line that says the default cap was raised, or null when it was not. */
    public String note() {
        return raisedTo() == null ? null : "group " + group + ": max_runs raised from " + cap + " (max_runs_per_group) to "
                + needed() + " for the batch's runs (" + counts() + ")";
    }

    private String counts() {
        return tasks + (tasks == 1 ? " task" : " tasks") + (escalations == 0 ? "" : " + " + escalations
                + (escalations == 1 ? " escalation" : " escalations")) + (started == 0 ? "" : " + " + started + " run"
                + (started == 1 ? "" : "s") + " the group already had");
    }
}
