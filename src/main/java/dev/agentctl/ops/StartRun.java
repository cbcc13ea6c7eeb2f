package dev.agentctl.ops;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.Io;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunStore;
import dev.agentctl.supervisor.RunRequest;
import dev.agentctl.supervisor.RunStarter;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import dev.agentctl.workspace.ProjectRegistry;
import java.util.function.Supplier;

/**
 * What `start` (the command and the MCP tool) decides before a run is created: project, profile,
 * sandbox, deadline and parent. The prompt is asked for last, so a bad option fails before stdin is read.
 */
public final class StartRun {
    /** Set by the supervisor in codex's environment: a run started from inside a run records it as its parent. */
    public static final String PARENT_ENV = RunId.ENV;

    private final RunStore runs;
    private final Config config;
    private final ProjectRegistry projects;
    private final Io io;

    public StartRun(RunStore runs, Config config, ProjectRegistry projects, Io io) {
        this.runs = runs;
        this.config = config;
        this.projects = projects;
        this.io = io;
    }

    /** timeoutSeconds null means the config's default_timeout; parentRunId null means $AGENTCTL_RUN_ID, if a run. */
    public record Params(String project, String profile, String title, Supplier<String> prompt, String model,
            String sandbox, String runId, Long timeoutSeconds, boolean noTmux, String tmuxSession, String parentRunId) {}

    /** Starts the run and returns its id. */
    public String start(Params p) {
        if (p.runId() != null) runs.dir(p.runId());
        checkSandbox(p.sandbox(), "sandbox");
        Long timeoutS = p.timeoutSeconds() != null ? p.timeoutSeconds() : config.defaultTimeoutSeconds();
        Project project = projects.resolve(p.project(), io.cwd());
        String profileName = p.profile() != null ? p.profile() : project.defaultProfile() != null ? project.defaultProfile() : "spark";
        Profile profile = config.profile(profileName);
        String parent = p.parentRunId() != null ? p.parentRunId() : parentFromEnvironment();
        if (p.parentRunId() != null) runs.read(p.parentRunId()); // an unknown parent is refused
        String prompt = p.prompt().get();
        return new RunStarter(runs, config, io).start(new RunRequest(project, profile, p.title(), prompt, p.model(),
                p.sandbox(), p.runId(), timeoutS, "exec", parent, null, p.noTmux(), p.tmuxSession()));
    }

    /** A sandbox mode codex knows, or null; label names it as the caller's user wrote it (--sandbox, sandbox). */
    public static void checkSandbox(String sandbox, String label) {
        if (sandbox != null && !Profile.SANDBOXES.contains(sandbox)) {
            throw AgentctlException.usage(label + " must be one of " + Profile.SANDBOXES + ", not '" + sandbox + "'");
        }
    }

    /** The run this process runs inside, when there is one; anything else in the variable is ignored. */
    private String parentFromEnvironment() {
        String id = io.env().get(PARENT_ENV);
        if (id == null || id.isBlank()) return null;
        try {
            return runs.readQuietly(id) != null ? id : null;
        } catch (AgentctlException e) {
            return null; // not a valid run id
        }
    }
}
