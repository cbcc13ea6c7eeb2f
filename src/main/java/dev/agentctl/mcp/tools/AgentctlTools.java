package dev.agentctl.mcp.tools;

import dev.agentctl.mcp.Tool;
import java.time.Duration;
import java.util.List;

/** Every tool `agentctl mcp` serves. */
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
                new SendToRunTool(services),
                new WorktreeTools.Merge(services),
                new WorktreeTools.Discard(services),
                new StatusTool(services),
                new GroupTools.Create(services),
                new GroupTools.Show(services),
                new UsageTool(services),
                new CompatibilityTools.CreateTask(services),
                new CompatibilityTools.DeployAgent(services),
                new CompatibilityTools.TaskStatus(services),
                new CompatibilityTools.KillAgent(services));
    }
}
