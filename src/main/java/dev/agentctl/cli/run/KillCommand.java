package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.run.RunId;
import java.io.IOException;
import dev.agentctl.run.RunRef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kill", description = {"Stop runs: codex and the commands it started get SIGINT, then SIGTERM, then SIGKILL; a queued run ends without starting.",
        "The run is finalized as killed with the reason, and notified. A finished run is left as it is."},
        footer = {"", "Example:", "  agentctl kill 20260215-143022-ab12cd --reason 'wrong branch'"})
public final class KillCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "RUN_ID")
    List<String> runIds;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in meta as error and kill_reason).")
    String reason = "killed by user";

    @Override
    protected int execute() throws IOException {
        // Unknown or ambiguous references: exit 2 before anything is touched.
        List<RunId> ids = RunRef.resolveAll(runs(), runIds);
        for (RunKiller.Killed k : new RunKiller(runs(), reconciler(), finalizer(), queue()).kill(ids, reason)) {
            RunId id = k.meta().runId();
            io().out().println(k.alreadyFinished() ? id + ": already finished (" + k.meta().outcome() + "); nothing changed"
                    : id + ": " + k.meta().outcome());
        }
        return 0;
    }
}
