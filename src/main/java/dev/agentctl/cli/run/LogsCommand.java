package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.LogFollower;
import dev.agentctl.run.RunId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = {"Print a run's readable progress (what its pane shows: commands and their exit codes,",
        "file changes, messages, errors, the result), rendered from its events.jsonl; detached and finished runs too."},
        footer = {"", "Examples:", "  agentctl logs 20260215-143022-ab12cd", "  agentctl logs -f -n 20 $id",
                "  agentctl logs --json $id | jq -r 'select(.type==\"item.completed\") | .item.type'"})
public final class LogsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the run goes on; exit 0 once it has finished (a queued run: waits for it to start).")
    boolean follow;

    @Option(names = "--json", description = "Print codex's raw events, one JSON object a line, instead of the readable view.")
    boolean json;

    @Option(names = "-n", paramLabel = "N", description = "Only the last N progress lines (default: all).")
    Integer lines;

    @Override
    protected int execute() {
        RunId id = runId(runId); // a reference (id, unique prefix, last, @) resolved once, here
        if (lines != null && lines < 0) throw AgentctlException.usage("-n must be 0 or more, not " + lines);
        runs().read(id); // an unknown run is a usage error before anything is printed
        PrintStream out = io().out();
        new LogFollower(runs(), reconciler(), Duration.ofSeconds(2), () -> queue().promote(List.of(id))).print(id, lines == null ? -1 : lines, json, follow,
                line -> {
                    out.println(line);
                    out.flush();
                });
        return 0;
    }
}
