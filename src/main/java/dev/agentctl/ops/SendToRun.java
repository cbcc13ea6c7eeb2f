package dev.agentctl.ops;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.Followups;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * What `send` (the command and the MCP tool send_to_run) does: new instructions for a run as the next turn of
 * its codex thread. A finished run is resumed; a running or queued one gets a followup run queued after its
 * current turn (or after the message before it), or, with now, its turn is interrupted and the message starts at once.
 */
public final class SendToRun {
    public static final String REDIRECTED = "redirected by send";
    /** The largest message, as the largest prompt (cli's PromptInput). */
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final RunStore runs;
    private final Reconciler reconciler;
    private final Config config;
    private final Io io;
    private final Supplier<Notifier> notifier;

    public SendToRun(RunStore runs, Reconciler reconciler, Config config, Io io, Supplier<Notifier> notifier) {
        this.runs = runs;
        this.reconciler = reconciler;
        this.config = config;
        this.io = io;
        this.notifier = notifier;
    }

    /** timeoutSeconds null means the config's default_timeout; profile and title default to the run's. */
    public record Params(RunId runId, Supplier<byte[]> message, boolean now, String profile, String title,
            Long timeoutSeconds, boolean noTmux) {}

    /** A message given as text: refused when empty or too large. */
    public static Supplier<byte[]> text(String text) {
        return () -> {
            if (text.isBlank()) throw AgentctlException.usage("the message is empty");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES) throw AgentctlException.usage("the message is larger than 10 MiB");
            return bytes;
        };
    }

    /** Returns the new run's id. Everything is checked before the message is read: a refused send does not swallow stdin. */
    public RunId send(Params p) throws IOException {
        RunMeta target = reconciler.reconcile(runs.read(p.runId()));
        Long timeoutS = p.timeoutSeconds() != null ? p.timeoutSeconds() : config.defaultTimeoutSeconds();
        Followups followups = new Followups(runs);
        RunStarter starter = new RunStarter(runs, config, io, notifier);
        if (followups.deliverAfter(p.runId()) == null) {
            RunRequest req = RunRequest.resume(target, config, p.profile(), p.title(), null, timeoutS, p.noTmux())
                    .withQueue(inGroupOf(target, null));
            return starter.start(req.withPrompt(p.message().get()));
        }
        if (p.now() && target.isWaitingInQueue()) {
            throw AgentctlException.usage("--now: run " + p.runId() + " has not started yet (waiting in the queue"
                    + (target.queuedReason() == null ? "" : ": " + target.queuedReason()) + "); without --now the message "
                    + "is delivered after its first turn");
        }
        boolean interrupt = p.now() && !target.isFinished();
        RunRequest req = RunRequest.followup(target, config, p.profile(), p.title(), null, timeoutS, p.noTmux())
                .withPrompt(p.message().get());
        RunId id = followups.queue(p.runId(), interrupt, after -> starter.start(req.withQueue(inGroupOf(target, after))));
        if (interrupt) {
            Supplier<RunFinalizer> finalizer = () -> new RunFinalizer(runs, notifier.get());
            Queue queue = new Queue(runs, config, finalizer, io.env());
            new RunKiller(runs, reconciler, finalizer.get(), queue).kill(List.of(p.runId()), REDIRECTED);
            queue.promote(); // in case no supervisor was left to hand the turn on
        }
        return id;
    }

    /** The new run joins the run's group; a message waits for the run before it. */
    private static QueueOptions inGroupOf(RunMeta target, RunId after) {
        return new QueueOptions(target.group(), after == null ? List.of() : List.of(after), false, null, false);
    }
}
