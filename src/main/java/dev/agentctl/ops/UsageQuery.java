package dev.agentctl.ops;

import dev.agentctl.run.RunQuery;
import dev.agentctl.run.RunStore;
import dev.agentctl.usage.UsageReport;
import dev.agentctl.workspace.Config;
import java.time.Instant;
import java.util.function.Consumer;

/** What `usage` (the command and the MCP tool usage) reports: every run's tokens, priced by config.json prices. */
public final class UsageQuery {
    private final RunStore runs;
    private final Config config;
    private final Consumer<String> warn;

    /** warn: a run directory that cannot be read is left out with a warning. */
    public UsageQuery(RunStore runs, Config config, Consumer<String> warn) {
        this.runs = runs;
        this.config = config;
        this.warn = warn;
    }

    /** sinceSeconds: only runs created that long ago or later (null: all). by: null for one row per run, else one of UsageReport.GROUPINGS. */
    public record Params(Long sinceSeconds, String by) {}

    public UsageReport report(Params p) {
        Instant cutoff = p.sinceSeconds() == null ? null : Instant.now().minusSeconds(p.sinceSeconds());
        return new UsageReport(RunQuery.readAll(runs, warn), p.by(), cutoff, config.prices());
    }
}
