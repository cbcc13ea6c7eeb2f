package dev.agentctl.ops;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.function.Supplier;

/** What `resume` (the command and the MCP tool resume_run) does: a new run continuing a finished run's codex thread. */
public final class ResumeRun {
    private final RunStore runs;
    private final Reconciler reconciler;
    private final Config config;
    private final Io io;
    private final Supplier<Notifier> notifier;

    public ResumeRun(RunStore runs, Reconciler reconciler, Config config, Io io, Supplier<Notifier> notifier) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.config = config;
        this.io = io;
        this.notifier = notifier;
    }

    /** timeoutSeconds null means the config's default_timeout; profile and title default to the parent's. */
    public record Params(String parentRunId, String profile, String title, Supplier<byte[]> prompt, Long timeoutSeconds,
            boolean noTmux, QueueOptions queue) {}

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
        Profile prof = config.profile(p.profile() != null ? p.profile() : parent.profile() != null ? parent.profile() : Profile.DEFAULT);
        String dir = parent.projectDir();
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + parentRunId + " is missing: " + dir);
        }
        Project project = new Project(parent.project(), Paths.get(dir), null);
        byte[] prompt = p.prompt().get();
        String title = p.title() != null ? p.title() : parent.title() == null ? null : parent.title() + " (resumed)";
        QueueOptions queue = p.queue() == null ? QueueOptions.NONE : p.queue();
        return new RunStarter(runs, config, io, notifier).start(RunRequest.resume(project, prof, title, prompt, timeoutS, parent,
                p.noTmux()).withQueue(queue));
    }
}
