package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.run.RunId;
import java.util.Map;
import dev.agentctl.ops.RunList;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import java.util.List;
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
        RunQuery query = new RunQuery(status, project, group, limit == null ? DEFAULT_LIMIT : limit);
        // The table needs a few fields of each run, which the index keeps for finished runs; --json
        // prints whole metas, read again one by one as they are printed (they may be large).
        RunList lister = new RunList(runs(), reconciler(), queue(), this::warn);
        RunList.Listing listing = lister.list(query, group);
        List<RunMeta> found = listing.runs();
        Map<RunId, Integer> positions = listing.queuePositions();
        RunTable table = new RunTable(io().out(), positions);
        if (found.isEmpty() && !json) {
            // Said on stderr: a script reading stdout gets nothing, as before.
            boolean filtered = status != null || project != null || group != null || (limit != null && limit == 0);
            io().err().println(filtered ? "no runs match" : "no runs yet (start one: agentctl start --help)");
        } else if (json) {
            table.printJson(found, lister::whole);
        } else if (io().terminal()) {
            table.printAligned(found, java.time.Instant.now());
        } else {
            table.printTabSeparated(found);
        }
        return 0;
    }
}
