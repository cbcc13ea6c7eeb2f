package dev.agentctl.supervisor;

import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;

/** Everything `start` and `resume` decided about a new run, validated, before anything is written. */
public record RunRequest(Project project, Profile profile, String title, String prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, String mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession, String notifyPane) {
    /** Without a pane of its own for the wake-up: config tmux_sendkeys_target applies. */
    public RunRequest(Project project, Profile profile, String title, String prompt, String model, String sandbox,
            String runId, Long timeoutSeconds, String mode, String parentRunId, String resumeThreadId, boolean noTmux,
            String tmuxSession) {
        this(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId, resumeThreadId,
                noTmux, tmuxSession, null);
    }
}
