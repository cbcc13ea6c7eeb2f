package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Everything `start` and `resume` decided about a new run, validated, before anything is written. */
public record RunRequest(Project project, Profile profile, String title, String prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, RunMode mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession) {

    /** A new codex thread; model, sandbox, run id and session may be null (the profile's, generated, configured). */
    public static RunRequest start(Project project, Profile profile, String title, String prompt, String model,
            String sandbox, String runId, Long timeoutSeconds, boolean noTmux, String tmuxSession) {
        return new RunRequest(project, profile, title, prompt, model, sandbox, runId, timeoutSeconds, RunMode.EXEC, null,
                null, noTmux, tmuxSession);
    }

    /** The parent run's thread, continued in a new run with the profile's model and sandbox. */
    public static RunRequest resume(Project project, Profile profile, String title, String prompt, Long timeoutSeconds,
            String parentRunId, String threadId, boolean noTmux, String tmuxSession) {
        return new RunRequest(project, profile, title, prompt, null, null, null, timeoutSeconds, RunMode.RESUME, parentRunId,
                threadId, noTmux, tmuxSession);
    }

    /**
     * `resume --parent-run-id` (and `send` to a finished run): the finished parent's thread continued in its
     * project and session; profile null means the parent's, title null the parent's marked "(resumed)".
     */
    public static RunRequest resume(RunMeta parent, Config config, String profile, String title, String prompt,
            Long timeoutSeconds, boolean noTmux) {
        if (parent.threadId() == null) {
            throw AgentctlException.usage("run " + parent.runId() + " has no thread id to resume (codex never started a thread)");
        }
        if (!parent.isFinished()) {
            throw AgentctlException.usage("run " + parent.runId() + " is still " + parent.status() + "; wait for it before resuming");
        }
        return resume(projectOf(parent), profileFor(parent, config, profile), titleFor(parent, title, " (resumed)"), prompt,
                timeoutSeconds, parent.runId(), parent.threadId(), noTmux, parent.tmuxSession());
    }

    /**
     * A message for a run that has not finished (`send`): the next turn of its thread, in its project, session
     * and launcher. The thread may not be known yet; it is taken from the run it follows when its turn comes.
     */
    public static RunRequest followup(RunMeta parent, Config config, String profile, String title, String prompt,
            Long timeoutSeconds, boolean noTmux) {
        boolean detached = noTmux || Config.LAUNCHER_DETACHED.equals(parent.str(RunMeta.LAUNCHER));
        return new RunRequest(projectOf(parent), profileFor(parent, config, profile), titleFor(parent, title, " (follow-up)"),
                prompt, null, null, null, timeoutSeconds, RunMode.FOLLOWUP, parent.runId(), parent.threadId(), detached,
                parent.tmuxSession());
    }

    /** The same request with its prompt: commands check everything else before they read stdin. */
    public RunRequest withPrompt(String text) {
        return new RunRequest(project, profile, title, text, model, sandbox, runId, timeoutSeconds, mode, parentRunId,
                resumeThreadId, noTmux, tmuxSession);
    }

    private static Project projectOf(RunMeta parent) {
        String dir = parent.projectDir();
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parent.runId() + " is missing: " + dir);
        }
        return new Project(parent.project(), Paths.get(dir), null);
    }

    private static Profile profileFor(RunMeta parent, Config config, String profile) {
        return config.profile(profile != null ? profile : parent.profile() != null ? parent.profile() : "spark");
    }

    private static String titleFor(RunMeta parent, String title, String mark) {
        if (title != null) return title;
        if (parent.title() == null) return null;
        return parent.title().endsWith(mark) ? parent.title() : parent.title() + mark;
    }
}
