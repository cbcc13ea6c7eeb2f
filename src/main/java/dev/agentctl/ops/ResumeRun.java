package dev.agentctl.ops;

import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
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

    /** notifyPane null means the parent's; timeoutSeconds null means the config's default_timeout; profile and title default to the parent's. */
    public record Params(RunId parentRunId, String profile, String title, Supplier<byte[]> prompt, Long timeoutSeconds,
            boolean noTmux, QueueOptions queue, String notifyPane) {}

    public RunId resume(Params p) {
        RunMeta parent = reconciler.reconcile(runs.read(p.parentRunId()));
        Long timeoutS = p.timeoutSeconds() != null ? p.timeoutSeconds() : config.defaultTimeoutSeconds();
        QueueOptions queue = p.queue() == null ? QueueOptions.NONE : p.queue();
        // Everything is checked before the prompt is read: a refused resume does not swallow stdin.
        RunRequest req = RunRequest.resume(parent, config, p.profile(), p.title(), null, timeoutS, p.noTmux()).withQueue(queue)
                .withNotifyPane(p.notifyPane()); // null: the parent's
        return new RunStarter(runs, config, io, notifier).start(req.withPrompt(p.prompt().get()));
    }
}
