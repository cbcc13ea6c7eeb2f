package dev.agentctl.batch;

import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.util.List;

/**
 * One validated task of a plan: everything its run needs, resolved (project, profile, timeout, isolation)
 * with the plan's defaults applied.
 *
 * @param isolation "worktree" or "shared" as the plan asks, or null for the project's (else config's)
 * @param escalate  the profile to resume with when the task ends goal_not_met with a follow-up, or null
 */
public record PlanTask(String id, String title, byte[] prompt, Project project, Profile profile, Long timeoutSeconds,
        String isolation, List<String> after, String escalate) {
    public PlanTask {
        after = List.copyOf(after);
    }
}
