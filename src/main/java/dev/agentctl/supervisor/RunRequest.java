package dev.agentctl.supervisor;

import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;

/**
 * Everything `start` and `resume` decided about a new run, validated, before anything is written.
 *
 * @param agent the agent to run (codex, claude); null: the profile's
 */
public record RunRequest(String agent, Project project, Profile profile, String title, String prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, String mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession) {}
