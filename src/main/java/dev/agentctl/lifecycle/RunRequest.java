package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMode;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;

/** Everything `start` and `resume` decided about a new run, validated, before anything is written. */
public record RunRequest(Project project, Profile profile, String title, String prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, RunMode mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession, QueueOptions queue) {

    /** A new codex thread; model, sandbox, run id and session may be null (the profile's, generated, configured). */
    public static RunRequest start(Project project, Profile profile, String title, String prompt, String model,
            String sandbox, String runId, Long timeoutSeconds, boolean noTmux, String tmuxSession) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, RunMode.EXEC, null,
                null, noTmux, tmuxSession, QueueOptions.NONE);
    }

    /** The parent run's thread, continued in a new run with the profile's model and sandbox. */
    public static RunRequest resume(Project project, Profile profile, String title, String prompt, Long timeoutSeconds,
            String parentRunId, String threadId, boolean noTmux, String tmuxSession) {
        return new RunRequest(project, profile, title, prompt, null, null, null, timeoutSeconds, RunMode.RESUME, parentRunId,
                threadId, noTmux, tmuxSession, QueueOptions.NONE);
    }

    /** The same request, placed in the queue as asked. */
    public RunRequest withQueue(QueueOptions q) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, q);
    }
}
