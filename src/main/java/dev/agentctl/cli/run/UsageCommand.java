package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.base.Durations;
import dev.agentctl.ops.UsageQuery;
import dev.agentctl.store.Json;
import dev.agentctl.usage.UsageReport;
import dev.agentctl.workspace.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "usage", description = {"Token usage per run, or added up per project, profile, group or day, with totals.",
        "With config.json \"prices\" (dollars per million input, cached input and output tokens, per model) it adds an estimated cost."},
        footer = {"", "Examples:", "  agentctl usage --since 24h", "  agentctl usage --by day --json | jq .total",
                "  agentctl config set prices '{\"gpt-5.5\": {\"input\": 1.25, \"cached_input\": 0.125, \"output\": 10}}'"})
public final class UsageCommand extends BaseCommand {
    @Option(names = "--since", paramLabel = "DUR", description = "Only runs created in the last DUR (90s, 30m, 24h, or seconds).")
    String since;

    @Option(names = "--by", paramLabel = "KEY", description = "Add up per project, profile, group or day (UTC) instead of one row per run.")
    String by;

    @Option(names = "--json", description = "Print {by, rows: [...], total: {...}}.")
    boolean json;

    @Override
    protected int execute() {
        Long sinceS = since == null ? null : Long.valueOf(Durations.parseSeconds(since, "--since"));
        Config config = config();
        UsageReport report = new UsageQuery(runs(), config, w -> io().err().println("agentctl: warning: " + w))
                .report(new UsageQuery.Params(sinceS, by));
        if (json) {
            io().out().println(Json.pretty(report.json()));
            return 0;
        }
        if (report.rows().isEmpty()) {
            io().err().println("no runs" + (since == null ? "" : " in the last " + since));
            return 0;
        }
        boolean priced = !config.prices().isEmpty();
        List<String[]> table = new ArrayList<>();
        table.add(priced ? new String[] {report.keyName().toUpperCase(Locale.ROOT), "RUNS", "INPUT", "CACHED", "OUTPUT", "EST. COST"}
                : new String[] {report.keyName().toUpperCase(Locale.ROOT), "RUNS", "INPUT", "CACHED", "OUTPUT"});
        for (UsageReport.Row r : report.rows()) table.add(cells(r, priced));
        table.add(cells(report.total(), priced));
        StringBuilder out = new StringBuilder();
        int[] width = new int[table.get(0).length];
        for (String[] row : table) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : table) {
            StringBuilder line = new StringBuilder(pad(row[0], width[0], false));
            for (int i = 1; i < row.length; i++) line.append("  ").append(pad(row[i], width[i], true));
            out.append(line.toString().stripTrailing()).append('\n');
        }
        io().out().print(out);
        if (priced && report.total().unpriced > 0) {
            io().err().println("agentctl: note: " + report.total().unpriced + " run(s) use a model without a price in config.json prices; not in the cost");
        }
        return 0;
    }

    private static String[] cells(UsageReport.Row r, boolean priced) {
        String[] c = {r.key, Long.toString(r.runs), Long.toString(r.input), Long.toString(r.cachedInput), Long.toString(r.output)};
        if (!priced) return c;
        String[] withCost = java.util.Arrays.copyOf(c, 6);
        withCost[5] = r.cost == null ? "-" : String.format(Locale.ROOT, "$%.4f", r.cost);
        return withCost;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
