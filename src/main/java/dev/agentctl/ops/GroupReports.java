package dev.agentctl.ops;

import com.google.gson.JsonObject;
import dev.agentctl.lifecycle.GroupReport;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Group;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Violations;
import java.util.ArrayList;
import java.util.List;

/** What `group show` (the command, the MCP tools group_show and get_real_task_status, the task resources) reports. */
public final class GroupReports {
    private final GroupStore groups;
    private final Violations violations;
    private final Config config;
    private final RunList runs;

    public GroupReports(GroupStore groups, Violations violations, Config config, RunList runs) {
        this.groups = groups;
        this.violations = violations;
        this.config = config;
        this.runs = runs;
    }

    /** One group's report; an unknown group is a usage error. */
    public JsonObject show(String name) {
        Group g = groups.require(name);
        return GroupReport.build(g, config.maxRunsPerGroup(), runs.all(), violations.all());
    }

    /** Every group's report, in the order of `groups`. */
    public List<JsonObject> all() {
        var allRuns = runs.all();
        var recorded = violations.all();
        List<JsonObject> out = new ArrayList<>();
        for (Group g : groups.list()) out.add(GroupReport.build(g, config.maxRunsPerGroup(), allRuns, recorded));
        return out;
    }
}
