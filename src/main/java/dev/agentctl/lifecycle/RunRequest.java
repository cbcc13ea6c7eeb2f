package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;

/**
 * Everything `start` and `resume` decided about a new run, validated, before anything is written. The prompt
 * is bytes: it reaches codex exactly as given, invalid UTF-8 included (never rewritten to U+FFFD).
 *
 * @param isolation "worktree" or "shared" as asked on the command line, or null (the project's, else config's)
 * @param baseRef   --base: the commit a worktree run starts from, clean; null for what the user sees now
 * @param parent    the run a resume continues (its worktree and branch), or null
 * @param notifyPane --notify-pane: the tmux pane its wake-up goes to, or null for config's tmux_sendkeys_target
 */
public record RunRequest(Project project, Profile profile, String title, byte[] prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, RunMode mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession, String isolation, String baseRef, RunMeta parent, QueueOptions queue, String notifyPane) {

    /** A new codex thread; model, sandbox, run id and session may be null (the profile's, generated, configured). */
    public static RunRequest start(Project project, Profile profile, String title, byte[] prompt, String model,
            String sandbox, String runId, Long timeoutSeconds, boolean noTmux, String tmuxSession, String isolation,
            String baseRef) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, RunMode.EXEC, null,
                null, noTmux, tmuxSession, isolation, baseRef, null, QueueOptions.NONE, null);
    }

    /** The parent run's thread, continued in a new run with the profile's model and sandbox, where the parent worked. */
    public static RunRequest resume(Project project, Profile profile, String title, byte[] prompt, Long timeoutSeconds,
            RunMeta parent, boolean noTmux) {
        return new RunRequest(project, profile, title, prompt, null, null, null, timeoutSeconds, RunMode.RESUME,
                parent.runId(), parent.threadId(), noTmux, parent.tmuxSession(), null, null, parent, QueueOptions.NONE,
                parent.notifyPane());
    }

    /** The same request, placed in the queue as asked. */
    public RunRequest withQueue(QueueOptions q) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, q, notifyPane);
    }

    /** The same request, its wake-up typed into pane; null keeps what it had (a resume: the parent's). */
    public RunRequest withNotifyPane(String pane) {
        if (pane == null) return this;
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, queue, pane);
    }
}
