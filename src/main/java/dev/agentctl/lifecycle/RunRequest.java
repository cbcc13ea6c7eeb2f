package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Everything `start` and `resume` decided about a new run, validated, before anything is written. The prompt
 * is bytes: it reaches codex exactly as given, invalid UTF-8 included (never rewritten to U+FFFD).
 *
 * @param isolation "worktree" or "shared" as asked on the command line, or null (the project's, else config's)
 * @param baseRef   --base: the commit a worktree run starts from, clean; null for what the user sees now
 * @param parent    the run a resume continues (its worktree and branch), or null
 * @param agent     the agent to run (codex, claude); null: the profile's. A resume runs the parent's agent.
 * @param notifyPane --notify-pane: the tmux pane its wake-up goes to, or null for config's tmux_sendkeys_target
 */
public record RunRequest(Project project, Profile profile, String title, byte[] prompt, String model, String sandbox,
        RunId runId, Long timeoutSeconds, RunMode mode, RunId parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession, String isolation, String baseRef, RunMeta parent, QueueOptions queue, String agent,
        String notifyPane) {

    /** A new thread or session; model, sandbox, run id and session may be null (the profile's, generated, configured). */
    public static RunRequest start(Project project, Profile profile, String title, byte[] prompt, String model,
            String sandbox, RunId runId, Long timeoutSeconds, boolean noTmux, String tmuxSession, String isolation,
            String baseRef) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, RunMode.EXEC, null,
                null, noTmux, tmuxSession, isolation, baseRef, null, QueueOptions.NONE, null, null);
    }

    /** The parent run's thread, continued in a new run with the profile's model and sandbox, where the parent worked. */
    public static RunRequest resume(Project project, Profile profile, String title, byte[] prompt, Long timeoutSeconds,
            RunMeta parent, boolean noTmux) {
        return new RunRequest(project, profile, title, prompt, null, null, null, timeoutSeconds, RunMode.RESUME,
                parent.runId(), parent.threadId(), noTmux, parent.tmuxSession(), null, null, parent, QueueOptions.NONE,
                agentOf(parent), parent.notifyPane());
    }

    /**
     * `resume --parent-run-id` (and `send` to a finished run): the finished parent's thread continued where it
     * worked; profile null means the parent's, title null the parent's marked "(resumed)".
     */
    public static RunRequest resume(RunMeta parent, Config config, String profile, String title, byte[] prompt,
            Long timeoutSeconds, boolean noTmux) {
        if (parent.threadId() == null) {
            throw AgentctlException.usage("run " + parent.runId() + " has no thread id to resume (its agent never started a thread or session)");
        }
        if (!parent.isFinished()) {
            throw AgentctlException.usage("run " + parent.runId() + " is still " + parent.status() + "; wait for it before resuming");
        }
        return resume(projectOf(parent), profileFor(parent, config, profile), titleFor(parent, title, " (resumed)"), prompt,
                timeoutSeconds, parent, noTmux);
    }

    /**
     * A message for a run that has not finished (`send`): the next turn of its thread, where it works and with its
     * launcher unless noTmux. The thread may not be known yet: the queue takes it from the run before when the
     * message's turn comes (see {@link Followups}).
     */
    public static RunRequest followup(RunMeta target, Config config, String profile, String title, byte[] prompt,
            Long timeoutSeconds, boolean noTmux) {
        boolean detached = noTmux || Config.LAUNCHER_DETACHED.equals(target.launcher());
        return new RunRequest(projectOf(target), profileFor(target, config, profile), titleFor(target, title, " (follow-up)"),
                prompt, null, null, null, timeoutSeconds, RunMode.FOLLOWUP, target.runId(), target.threadId(), detached,
                target.tmuxSession(), null, null, target, QueueOptions.NONE, agentOf(target), target.notifyPane());
    }

    private static Project projectOf(RunMeta parent) {
        String dir = parent.projectDir();
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parent.runId() + " is missing: " + dir);
        }
        return new Project(parent.project(), Paths.get(dir), null);
    }

    /** A profile named for a run's next turn must run the run's agent: a codex thread means nothing to Claude Code. */
    private static Profile profileFor(RunMeta parent, Config config, String profile) {
        Profile p = config.profile(profile != null ? profile : parent.profile() != null ? parent.profile() : Profile.DEFAULT);
        String agent = agentOf(parent);
        if (profile != null && !agent.equals(p.agentName())) {
            throw AgentctlException.usage("profile '" + p.name() + "' runs " + p.agentName() + ", but run " + parent.runId()
                    + " ran " + agent + "; resume it with a " + agent + " profile");
        }
        return p;
    }

    /** The agent a run ran: codex for a run made before runs named theirs. */
    private static String agentOf(RunMeta run) {
        return run.agent() != null ? run.agent() : Profile.CODEX;
    }

    private static String titleFor(RunMeta parent, String title, String mark) {
        if (title != null) return title;
        if (parent.title() == null) return null;
        return parent.title().endsWith(mark) ? parent.title() : parent.title() + mark;
    }

    /** The same request with its prompt: commands check everything else before they read stdin. */
    public RunRequest withPrompt(byte[] text) {
        return new RunRequest(project, profile, title, text, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, queue, agent, notifyPane);
    }

    /** The same request, placed in the queue as asked. */
    public RunRequest withQueue(QueueOptions q) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, q, agent, notifyPane);
    }

    /** The same request, run by the named agent (start --agent); null keeps the profile's. */
    public RunRequest withAgent(String a) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, queue, a, notifyPane);
    }

    /** The agent that runs this request: the one asked for, else the profile's. */
    public String agentName() {
        return agent != null ? agent : profile.agentName();
    }

    /** The same request, its wake-up typed into pane; null keeps what it had (a resume: the parent's). */
    public RunRequest withNotifyPane(String pane) {
        if (pane == null) return this;
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession, isolation, baseRef, parent, queue, agent, pane);
    }
}
