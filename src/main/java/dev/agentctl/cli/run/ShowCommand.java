package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Print a run's meta.json (pretty JSON). A run whose supervisor is gone is marked lost first.",
        footer = {"", "Example:", "  agentctl show 20260215-143022-ab12cd | jq .summary"})
public final class ShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Override
    protected int execute() {
        RunMeta meta = reconciler().reconcile(runs().read(runId));
        io().out().println(Json.pretty(meta.json()));
        return 0;
    }
}
