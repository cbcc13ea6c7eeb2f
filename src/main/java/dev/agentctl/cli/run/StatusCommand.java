package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.StatusReport;
import dev.agentctl.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = {"Running and queued runs against each cap (all runs, per project, per group), the oldest",
        "queued run and why it waits, stalled runs and the last violations. Reads only unfinished runs: fast enough for loops."},
        footer = {"", "Examples:", "  agentctl status", "  agentctl status --json | jq .queued"})
public final class StatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Override
    protected int execute() {
        var report = StatusReport.build(runs(), config());
        io().out().print(json ? Json.pretty(report) + "\n" : StatusReport.text(report));
        return 0;
    }
}
