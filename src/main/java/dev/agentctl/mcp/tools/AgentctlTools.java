package dev.agentctl.mcp.tools;

import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.Tool;
import java.time.Duration;
import java.util.List;

/** Every tool `agentctl mcp` serves, and those whose interface is fixed but whose feature is still missing. */
public final class AgentctlTools {
    private AgentctlTools() {}

    /** progressInterval: how often wait_runs reports progress (and re-checks for cancellation by a client). */
    public static List<Tool> all(Services services, Duration progressInterval) {
        return List.of(
                new StartRunTool(services),
                new WaitRunsTool(services, progressInterval),
                new ShowRunTool(services),
                new ListRunsTool(services),
                new RunLogsTool(services),
                new RunDiffTool(services),
                new KillRunTool(services),
                new ResumeRunTool(services),
                new WorktreeTools.Merge(services),
                new WorktreeTools.Discard(services),
                new StatusTool(services),
                new GroupTools.Create(services),
                new GroupTools.Show(services),
                new CompatibilityTools.CreateTask(services),
                new CompatibilityTools.DeployAgent(services),
                new CompatibilityTools.TaskStatus(services),
                new CompatibilityTools.KillAgent(services));
    }

    /** Not served yet; see {@link PendingTool}. */
    public static List<Tool> pending() {
        return List.of(
                new PendingTool("send_to_run", "Type a message into a running run's agent (as agentctl send does).",
                        Schema.object().string("run_id", "The run.", true).string("text", "What to send.", true)
                                .bool("now", "Interrupt the agent's current step instead of queueing the text.").build(),
                        false, "agentctl send (interactive runs)"),
                new PendingTool("usage", "Token usage by run, project and profile (as agentctl usage does).",
                        Schema.object().string("project", "Only runs of this project.", false)
                                .string("since", "Only runs started since this date (YYYY-MM-DD).", false).build(),
                        true, "agentctl usage"));
    }
}
