package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunState;
import dev.agentctl.run.SyntheticRuns;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Internal tools, hidden from help. `make-runs` fills a workspace with made-up runs for bench/run.sh
 * and install.sh's start-up training, so that neither writes meta.json by hand.
 */
@Command(name = "internal", hidden = true, description = "Internal: tools for the benchmark and the installer.",
        footer = {"", "Example:", "  agentctl --home /tmp/ws internal make-runs --count 10000 --status finished --project a --project b"})
public final class InternalCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TOOL", description = "make-runs")
    String tool;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many runs.")
    int count;

    @Option(names = "--status", paramLabel = "S", description = "finished (default) or queued.")
    String status = RunState.FINISHED.wire();

    @Option(names = "--outcome", paramLabel = "O", description = "Of finished runs (default: mostly succeeded, some goal_not_met and failed).")
    String outcome;

    @Option(names = "--project", paramLabel = "P", description = "Project name, repeatable: runs go to each in turn (default: bench).")
    List<String> projects = List.of("bench");

    @Option(names = "--every", paramLabel = "DUR", description = "Time between the runs' creation, the newest made now (default: 60s; 0: all at once).")
    String every = "60s";

    @Override
    protected int execute() {
        if (!"make-runs".equals(tool)) throw AgentctlException.usage("unknown internal tool '" + tool + "' (make-runs)");
        if (count < 1) throw AgentctlException.usage("--count must be 1 or more, not " + count);
        RunState state = RunState.of(status);
        if (state != RunState.FINISHED && state != RunState.QUEUED) {
            throw AgentctlException.usage("--status must be finished or queued, not '" + status + "'");
        }
        Outcome o = outcome == null ? null : Outcome.of(outcome);
        if (outcome != null && o == null) throw AgentctlException.usage("unknown --outcome '" + outcome + "'");
        // 0: all made at once (queued runs for a benchmark); any other value as durations are written.
        Duration spacing = every.strip().matches("0+[smhd]?") ? Duration.ZERO : Duration.ofSeconds(Durations.parseSeconds(every, "--every"));
        List<RunId> ids = new SyntheticRuns(runs()).make(count, state, o, projects, spacing);
        io().out().print(String.join("\n", ids.stream().map(RunId::value).toList()) + "\n");
        return 0;
    }
}
