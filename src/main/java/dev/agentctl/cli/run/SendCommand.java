package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.Followups;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.lifecycle.RunRequest;
import dev.agentctl.lifecycle.RunStarter;
import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", description = {"New instructions for a run, as the next turn of its codex thread; prints the new run id.",
        "Finished run: the same as resume --parent-run-id RUN. Running (or queued) run: delivered right after its current (or first)",
        "turn ends (a new run, mode followup), whatever its outcome but lost; several sends go in order, one turn each.",
        "The text is TEXT, else --file F, else stdin; it goes to codex as a prompt file, never through a shell."},
        footer = {"", "Examples:", "  agentctl send $id 'Also update the README'",
                "  echo 'Stop: the bug is in parser.py, not lexer.py' | agentctl send $id --now",
                "  agentctl send $id --file more.md"})
public final class SendCommand extends BaseCommand {
    static final String REDIRECTED = "redirected by send";

    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The message (else --file, else stdin).")
    String text;

    @Option(names = "--file", paramLabel = "F", description = "Read the message from F.")
    String file;

    @Option(names = "--now", description = "Interrupt the run's current turn (it ends killed, error \"" + REDIRECTED
            + "\") and start this message at once in the same thread.")
    boolean now;

    @Option(names = "--profile", paramLabel = "P", description = "Profile for the new turn (default: the run's).")
    String profile;

    @Option(names = "--title", paramLabel = "T", description = "Title of the new run (default: the run's, marked).")
    String title;

    @Option(names = "--timeout", paramLabel = "DUR", description = "Stop the new run after DUR (default: config default_timeout).")
    String timeout;

    @Option(names = "--no-tmux", description = "Run the new turn detached (default: where the run ran).")
    boolean noTmux;

    @Override
    protected int execute() throws IOException {
        runId = runId(runId); // a reference (id, unique prefix, last, @) resolved once, here
        if (text != null && file != null) throw AgentctlException.usage("give the message as TEXT or --file, not both");
        Config config = config();
        RunMeta target = reconciler().reconcile(runs().read(runId));
        Long timeoutS = timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : config.defaultTimeoutSeconds();
        Followups followups = new Followups(runs());
        RunStarter starter = new RunStarter(runs(), config, io(), this::notifier);
        String id;
        if (followups.deliverAfter(runId) == null) {
            RunRequest req = RunRequest.resume(target, config, profile, title, null, timeoutS, noTmux).withQueue(inGroupOf(target, null));
            id = starter.start(req.withPrompt(message()));
        } else {
            if (now && target.isWaitingInQueue()) {
                throw AgentctlException.usage("--now: run " + runId + " has not started yet (waiting in the queue"
                        + (target.queuedReason() == null ? "" : ": " + target.queuedReason()) + "); without --now the message "
                        + "is delivered after its first turn");
            }
            boolean interrupt = now && !target.isFinished();
            RunRequest req = RunRequest.followup(target, config, profile, title, null, timeoutS, noTmux).withPrompt(message());
            id = followups.queue(runId, interrupt, after -> starter.start(req.withQueue(inGroupOf(target, after))));
            if (interrupt) {
                new RunKiller(runs(), reconciler(), finalizer(), queue()).kill(List.of(runId), REDIRECTED);
                queue().promote(); // in case no supervisor was left to hand the turn on
            }
        }
        io().out().println(id);
        return 0;
    }

    /** The new run joins the run's group; a message waits for the run before it. */
    private static QueueOptions inGroupOf(RunMeta target, String after) {
        return new QueueOptions(target.group(), after == null ? List.of() : List.of(after), false, null, false);
    }

    private byte[] message() {
        if (text == null) return PromptInput.read(file, io());
        if (text.isBlank()) throw AgentctlException.usage("the message is empty");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > PromptInput.MAX_BYTES) throw AgentctlException.usage("the message is larger than 10 MiB");
        return bytes;
    }
}
