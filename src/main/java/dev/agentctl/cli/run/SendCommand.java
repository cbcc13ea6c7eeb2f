package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.ops.SendToRun;
import dev.agentctl.run.RunId;
import java.io.IOException;
import java.util.function.Supplier;
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
    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The message (else --file, else stdin).")
    String text;

    @Option(names = "--file", paramLabel = "F", description = "Read the message from F.")
    String file;

    @Option(names = "--now", description = "Interrupt the run's current turn (it ends killed, error \"" + SendToRun.REDIRECTED
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
        RunId id = runId(runId); // a reference (id, unique prefix, last, @) resolved once, here
        if (text != null && file != null) throw AgentctlException.usage("give the message as TEXT or --file, not both");
        Long timeoutS = timeout == null ? null : Long.valueOf(Durations.parseSeconds(timeout, "--timeout"));
        Supplier<byte[]> message = text != null ? SendToRun.text(text) : () -> PromptInput.read(file, io());
        RunId made = new SendToRun(runs(), reconciler(), config(), io(), this::notifier)
                .send(new SendToRun.Params(id, message, now, profile, title, timeoutS, noTmux));
        io().out().println(made);
        return 0;
    }
}
