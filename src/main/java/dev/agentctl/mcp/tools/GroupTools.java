package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;

/** group_create and group_show, on the group records of {@link dev.agentctl.ops.RunGroups}. */
final class GroupTools {
    private GroupTools() {}

    static final class Create extends AgentctlTool {
        Create(Services services) {
            super(services, "group_create", "Create a group of runs (start_run with group joins it). Returns its group id.",
                    Schema.object()
                    .string("name", "A short name.", true)
                    .string("description", "What the group's runs work towards.", false)
                    .string("priority", "Free text, e.g. high, normal, low.", false)
                    .build(), false);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            JsonObject g = services.groups().create(args.requiredString("name"), args.string("description"), args.string("priority"));
            return ToolResult.ok(g, "created group " + g.get("group_id").getAsString());
        }
    }

    static final class Show extends AgentctlTool {
        Show(Services services) {
            super(services, "group_show", "A group: its record, its runs, counts by state and the parent/child tree.",
                    Schema.object().string("group_id", "The group.", true).build(), true);
        }

        @Override
        public ToolResult call(ToolArgs args, CallContext context) {
            JsonObject view = GroupView.of(services, args.requiredString("group_id"));
            return ToolResult.ok(view, GroupView.text(view));
        }
    }
}
