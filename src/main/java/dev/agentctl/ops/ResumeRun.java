package dev.agentctl.ops;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.Io;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.supervisor.Reconciler;
import dev.agentctl.supervisor.RunRequest;
import dev.agentctl.supervisor.RunStarter;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.function.Supplier;

/** What `resume` (the command and the MCP tool) does: a new run continuing a finished run's codex thread. */
public final class ResumeRun {
    private final RunStore runs;
    private final Reconciler reconciler;
    private final Config config;
    private final Io io;

    public ResumeRun(RunStore runs, Reconciler reconciler, Config config, Io io) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.config = config;
        this.io = io;
    }

    /** timeoutSeconds null means the config's default_timeout; profile and title default to the parent's. */
    public record Params(String parentRunId, String profile, String title, Supplier<String> prompt, Long timeoutSeconds,
            boolean noTmux) {}

    public String resume(Params p) {
        String parentRunId = p.parentRunId();
        RunMeta parent = reconciler.reconcile(runs.read(parentRunId));
        if (parent.threadId() == null) {
            throw AgentctlException.usage("run " + parentRunId + " has no thread id to resume (codex never started a thread)");
        }
        if (!parent.isFinished()) {
            throw AgentctlException.usage("run " + parentRunId + " is still " + parent.status() + "; wait for it before resuming");
        }
        Long timeoutS = p.timeoutSeconds() != null ? p.timeoutSeconds() : config.defaultTimeoutSeconds();
        Profile prof = config.profile(p.profile() != null ? p.profile() : parent.profile() != null ? parent.profile() : "spark");
        String dir = parent.str("project_dir");
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parentRunId + " is missing: " + dir);
        }
        Project project = new Project(parent.project(), Paths.get(dir), null);
        String prompt = p.prompt().get();
        String title = p.title() != null ? p.title() : parent.title() == null ? null : parent.title() + " (resumed)";
        return new RunStarter(runs, config, io).start(new RunRequest(project, prof, title, prompt, null, null, null, timeoutS,
                "resume", parentRunId, parent.threadId(), p.noTmux(), parent.str("tmux_session")));
    }
}
