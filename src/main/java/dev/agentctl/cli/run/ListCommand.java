package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunQuery;
import java.util.ArrayList;
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
    /** What a plain `list` shows: the newest runs, as many as a screen holds. */
    static final int DEFAULT_LIMIT = 30;

    @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default: " + DEFAULT_LIMIT + ").")
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
        RunQuery query = new RunQuery(status, project, limit == null ? DEFAULT_LIMIT : limit);
        Consumer<String> warn = warning -> io().err().println("agentctl: warning: " + warning);
        // The index keeps the few fields the table shows, filters and sorts by; it hands back the
        // newest matching finished runs and every unfinished run, not all ten thousand.
        List<RunMeta> candidates = new RunIndex(runs(), RunTable.FIELDS).runs(query, warn);
        // Reconcile first: a run whose supervisor is gone is lost, and must be filtered as such.
        List<RunMeta> found = query.select(reconciler().reconcileAll(candidates));
        RunTable table = new RunTable(io().out());
        if (json) {
            table.printJson(wholeMetas(found, warn));
        } else if (io().terminal()) {
            table.printAligned(found);
        } else {
            table.printTabSeparated(found);
        }
        return 0;
    }

    /** --json prints whole metas: the index keeps a few fields, so the runs shown are read again. */
    private List<RunMeta> wholeMetas(List<RunMeta> runs, Consumer<String> warn) {
        List<RunMeta> whole = new ArrayList<>(runs.size());
        for (RunMeta m : runs) {
            try {
                whole.add(runs().read(m.runId()));
            } catch (AgentctlException e) {
                warn.accept("skipping run " + m.runId() + ": " + e.getMessage());
            }
        }
        return whole;
    }
}
