package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import java.util.Map;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Print a run's meta.json (pretty JSON). A run whose supervisor is gone is marked lost first.",
        footer = {"", "Example:", "  agentctl show 20260215-143022-ab12cd | jq .summary"})
public final class ShowCommand extends BaseCommand implements QuickCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT), 1, 1);
    }

    @Override
    public void applyQuick(Match m) {
        runId = m.positionals().get(0);
    }

    @Override
    protected int execute() {
        RunMeta meta = reconciler().reconcile(runs().read(runId));
        io().out().println(Json.pretty(meta.json()));
        return 0;
    }
}
