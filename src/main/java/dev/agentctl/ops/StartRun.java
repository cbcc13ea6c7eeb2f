package dev.agentctl.ops;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.Admission;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What `start` (the command, and the MCP tools start_run and deploy_headless_agent) decides before a run is
 * created: project, profile, sandbox, isolation, deadline, queue and parent. The prompt is asked for last,
 * so a bad option fails before stdin is read.
 */
public final class StartRun {
    private final RunStore runs;
    private final Config config;
    private final ProjectRegistry projects;
    private final Io io;
    private final Supplier<Notifier> notifier;

    public StartRun(RunStore runs, Config config, ProjectRegistry projects, Io io, Supplier<Notifier> notifier) {
        this.runs = runs;
        this.config = config;
        this.projects = projects;
        this.io = io;
        this.notifier = notifier;
    }

    /**
     * @param isolation      "worktree", "shared" or null (the project's, else config's)
     * @param timeoutSeconds null: the config's default_timeout
     * @param notifyPane     the pane the wake-up is typed into, or null for config's tmux_sendkeys_target
     * @param agent          codex or claude, overriding the profile's; null: the profile's
     * @param parentRunId    null: the run this process runs inside, if any ($AGENTCTL_RUN_ID); else that run,
     *                       as if the start were made from inside it (its depth, spawn rules and group apply)
     */
    public record Params(String project, String profile, String title, Supplier<byte[]> prompt, String model,
            String sandbox, RunId runId, Long timeoutSeconds, boolean noTmux, String tmuxSession, String isolation,
            String baseRef, QueueOptions queue, RunId parentRunId, String notifyPane, String agent) {}

    /** Starts (or queues) the run and returns its id. */
    public RunId start(Params p) {
        if (p.runId() != null) runs.dir(p.runId());
        Profile.checkSandbox(p.sandbox(), "sandbox");
        if (p.agent() != null && !Profile.AGENTS.contains(p.agent())) {
            throw AgentctlException.usage("agent must be one of " + Profile.AGENTS + ", not '" + p.agent() + "'");
        }
        String isolation = p.isolation() == null ? null : Config.checkIsolation(p.isolation(), "isolation");
        Long timeoutS = p.timeoutSeconds() != null ? p.timeoutSeconds() : config.defaultTimeoutSeconds();
        Io caller = p.parentRunId() == null ? io : asInside(p.parentRunId());
        Project project = projects.resolve(p.project(), io.cwd());
        String profileName = p.profile() != null ? p.profile() : project.defaultProfile() != null ? project.defaultProfile() : Profile.DEFAULT;
        Profile profile = config.profile(profileName);
        byte[] prompt = p.prompt().get();
        QueueOptions queue = p.queue() == null ? QueueOptions.NONE : p.queue();
        return new RunStarter(runs, config, caller, notifier).start(RunRequest.start(project, profile, p.title(), prompt,
                p.model(), p.sandbox(), p.runId(), timeoutS, p.noTmux(), p.tmuxSession(), isolation, p.baseRef()).withQueue(queue)
                .withNotifyPane(p.notifyPane()).withAgent(p.agent()));
    }

    /** The caller as the named run's codex would be: admission reads the starting run from this environment. */
    private Io asInside(RunId parentRunId) {
        runs.read(parentRunId); // an unknown parent is refused, not silently ignored
        Map<String, String> env = new LinkedHashMap<>(io.env());
        env.put(Admission.RUN_ID_ENV, parentRunId.value());
        env.put(Workspace.HOME_ENV, runs.workspace().home().toString());
        env.remove(Admission.GROUP_ENV);
        env.remove(Admission.DEPTH_ENV);
        return new Io(io.in(), io.out(), io.err(), env, io.cwd(), io.terminal());
    }
}
