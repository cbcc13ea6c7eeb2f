package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.lifecycle.StatusReport;
import dev.agentctl.store.Json;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = {"Running and queued runs against each cap (all runs, per project, per group), the oldest",
        "queued run and why it waits, stalled runs and the last violations. Reads only unfinished runs: fast enough for loops."},
        footer = {"", "Examples:", "  agentctl status", "  agentctl status --json | jq .queued"})
public final class StatusCommand extends BaseCommand implements QuickCommand {
    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    // Called in loops by orchestrators, like list: picocli's model costs more than the report.
    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT, "--json", Kind.FLAG), 0, 0);
    }

    @Override
    public void applyQuick(Match m) {
        json = m.flag("--json");
    }

    @Override
    protected int execute() {
        var report = StatusReport.build(runs(), config());
        io().out().print(json ? Json.pretty(report) + "\n" : StatusReport.text(report));
        return 0;
    }
}
