package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.lifecycle.GroupReport;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.workspace.GroupStore;
import java.util.TreeSet;

/** group_create and group_show: what `agentctl group create` and `group show --json` do. */
final class GroupTools {
    private GroupTools() {}

    static final class Create extends AgentctlTool {
        Create(Services services) {
            super(services, "group_create", "Create a group of runs, or change the settings given of an existing one "
                    + "(start_run with group joins it; a group is also created on first use).", Schema.object()
                    .string("name", "Letters, digits, '.', '_', '-'.", true)
                    .string("description", "What the group is for.", false)
                    .choice("priority", "P0 (highest) to P3.", new TreeSet<>(GroupStore.PRIORITIES), false)
                    .integer("max_concurrent", "At most this many of its runs at a time (0: no cap of its own).", 0, false)
                    .integer("max_runs", "At most this many runs in all (default: config max_runs_per_group).", 0, false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            String priority = args.choice("priority", GroupStore.PRIORITIES);
            Long maxConcurrent = args.integer("max_concurrent", 0);
            Long maxRuns = args.integer("max_runs", 0);
            GroupStore.Saved s = services.groups().create(args.requiredString("name"), args.string("description"), priority,
                    maxConcurrent == null ? null : Math.toIntExact(maxConcurrent), maxRuns == null ? null : Math.toIntExact(maxRuns));
            JsonObject report = services.groupReports().show(s.group().name());
            report.addProperty("updated", s.updated());
            return ToolResult.ok(report, (s.updated() ? "updated group " : "created group ") + s.group().name());
        }
    }

    static final class Show extends AgentctlTool {
        Show(Services services) {
            super(services, "group_show", "A group: description, priority, runs by status and outcome, the tree of runs "
                    + "started by runs, stalled runs, violations and tokens used.",
                    Schema.object().string("name", "The group.", true).build(), true);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            JsonObject report = services.groupReports().show(args.requiredString("name"));
            return ToolResult.ok(report, GroupReport.text(report));
        }
    }
}
