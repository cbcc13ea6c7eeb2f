package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunQuery;
import java.util.List;
import java.util.Map;
import dev.agentctl.lifecycle.QueueView;
import dev.agentctl.workspace.GroupStore;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = {"List runs, newest first.",
        "On a terminal: an aligned table. Piped: one tab-separated line per run:",
        "  <id> <status> proj=<p> profile=<p> goal_met=<b|null> exit=<n|null> parent=<id> <title> outcome=<o>"},
        footer = {"", "Examples:", "  agentctl list --limit 10", "  agentctl list --status running --project myapp",
                "  agentctl list --json | jq -r '.[] | select(.outcome==\"succeeded\") | .run_id'",
                "  agentctl list --group refactor --status queued"})
public final class ListCommand extends BaseCommand implements QuickCommand {
    /** What a plain `list` shows: the newest runs, as many as a screen holds. */
    static final int DEFAULT_LIMIT = 30;

    @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default: " + DEFAULT_LIMIT + ").")
    Integer limit;

    @Option(names = "--status", paramLabel = "S", description = "queued, running, finished, or an outcome: succeeded, goal_not_met, failed, timed_out, killed, lost.")
    String status;

    @Option(names = "--project", paramLabel = "P", description = "Only runs of this project.")
    String project;

    @Option(names = "--json", description = "Print a JSON array of the runs' meta (queued runs with their queue_position).")
    boolean json;

    @Option(names = "--group", paramLabel = "NAME", description = "Only runs of this group.")
    String group;

    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT, "--limit", Kind.COUNT, "--status", Kind.TEXT,
                "--project", Kind.TEXT, "--json", Kind.FLAG, "--group", Kind.TEXT), 0, 0);
    }

    @Override
    public void applyQuick(Match m) {
        limit = m.count("--limit");
        status = m.text("--status");
        project = m.text("--project");
        json = m.flag("--json");
        group = m.text("--group");
    }

    @Override
    protected int execute() {
        if (limit != null && limit < 0) {
            throw AgentctlException.usage("--limit must be 0 or more, not " + limit);
        }
        if (group != null) GroupStore.validateName(group);
        RunQuery query = new RunQuery(status, project, group, limit == null ? DEFAULT_LIMIT : limit);
        Consumer<String> warn = this::warn;
        // The index keeps the few fields the table shows, filters and sorts by; it hands back the
        // newest matching finished runs and every unfinished run, not all ten thousand. --json prints
        // whole metas, read again one by one as they are printed (they may be large).
        List<RunMeta> candidates = new RunIndex(runs(), RunTable.FIELDS).runs(query, warn);
        // Reconcile first: a run whose supervisor is gone is lost, and must be filtered as such.
        // Every unfinished run is among the candidates, so the queue's positions are whole.
        List<RunMeta> settled = QueueView.settle(runs(), queue(), reconciler().reconcileAll(candidates));
        Map<String, Integer> positions = QueueView.positions(settled);
        List<RunMeta> found = query.select(settled);
        RunTable table = new RunTable(io().out(), positions);
        if (json) {
            table.printJson(found, m -> {
                // Only the index's reduced entries need reading again; the rest are whole already.
                if (!RunTable.FIELDS.containsAll(m.json().keySet())) return m;
                RunMeta whole = runs().readQuietly(m.runId());
                return whole != null ? whole : m; // deleted meanwhile: what we know
            });
        } else if (io().terminal()) {
            table.printAligned(found);
        } else {
            table.printTabSeparated(found);
        }
        return 0;
    }
}
