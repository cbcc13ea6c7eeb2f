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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {"Print a run's meta.json (pretty JSON), or one field of it. A run whose supervisor is gone is marked lost first.",
        "RUN is a run id, a unique prefix of it or of its random suffix, or 'last' (also '@') for the newest run."},
        footer = {"", "Examples:", "  agentctl show 20260215-143022-ab12cd | jq .summary", "  agentctl show last -f summary",
                "  agentctl show ab12 --field usage.output_tokens"})
public final class ShowCommand extends BaseCommand implements QuickCommand {
    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Option(names = "--json", description = "Print JSON (the default; accepted for habit's sake).")
    boolean json;

    @Option(names = {"-f", "--field"}, paramLabel = "FIELD", description = "Print only this field: text as it is, "
            + "anything else as JSON, nothing for null. Nested fields with dots: usage.input_tokens.")
    String field;

    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT, "--json", Kind.FLAG, "-f", Kind.TEXT, "--field", Kind.TEXT), 1, 1);
    }

    @Override
    public boolean quickAccepts(Match m) {
        return m.text("-f") == null || m.text("--field") == null; // picocli refuses the option given twice
    }

    @Override
    public void applyQuick(Match m) {
        runId = m.positionals().get(0);
        json = m.flag("--json");
        field = m.text("-f") != null ? m.text("-f") : m.text("--field");
    }

    @Override
    protected int execute() {
        RunMeta meta = reconciler().reconcile(runs().read(runId(runId)));
        if (field == null) {
            io().out().println(Json.pretty(meta.json()));
        } else {
            io().out().println(MetaField.text(meta, field));
        }
        return 0;
    }
}
