package dev.agentctl.cli.run;

import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunQuery;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = {"List runs, newest first.",
        "On a terminal: an aligned table. Piped: one tab-separated line per run:",
        "  <id> <status> proj=<p> profile=<p> goal_met=<b|null> exit=<n|null> parent=<id> <title> outcome=<o>"},
        footer = {"", "Examples:", "  agentctl list --limit 10", "  agentctl list --status running --project myapp",
                "  agentctl list --json | jq -r '.[] | select(.outcome==\"succeeded\") | .run_id'"})
public final class ListCommand extends BaseCommand {
    @Option(names = "--limit", paramLabel = "N", description = "At most N runs.")
    Integer limit;

    @Option(names = "--status", paramLabel = "S", description = "queued, running, finished, or an outcome: succeeded, goal_not_met, failed, timed_out, killed, lost.")
    String status;

    @Option(names = "--project", paramLabel = "P", description = "Only runs of this project.")
    String project;

    @Option(names = "--json", description = "Print a JSON array of the runs' meta.")
    boolean json;

    @Override
    protected int execute() {
        if (limit != null && limit < 0) {
            throw AgentctlException.usage("--limit must be 0 or more, not " + limit);
        }
        RunQuery query = new RunQuery(status, project, limit);
        Consumer<String> warn = warning -> io().err().println("agentctl: warning: " + warning);
        // The table needs a few fields of each run, which the index keeps for finished runs; --json
        // prints whole metas, so it reads them all.
        List<RunMeta> all = json ? RunQuery.readAll(runs(), warn) : new RunIndex(runs(), RunTable.FIELDS).runs(warn);
        // Reconcile first: a run whose supervisor is gone is lost, and must be filtered as such.
        List<RunMeta> found = query.select(reconciler().reconcileAll(all));
        RunTable table = new RunTable(io().out());
        if (found.isEmpty() && !json) {
            // Said on stderr: a script reading stdout gets nothing, as before.
            io().err().println(all.isEmpty() ? "no runs yet (start one: agentctl start --help)" : "no runs match");
        } else if (json) {
            table.printJson(found);
        } else if (io().terminal()) {
            table.printAligned(found, java.time.Instant.now());
        } else {
            table.printTabSeparated(found);
        }
        return 0;
    }
}
