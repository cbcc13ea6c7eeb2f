package dev.agentctl.cli.mcp;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.base.Io;
import dev.agentctl.cli.VersionProvider;
import dev.agentctl.mcp.McpMethods;
import dev.agentctl.mcp.McpServer;
import dev.agentctl.mcp.tools.AgentctlResources;
import dev.agentctl.mcp.tools.AgentctlTools;
import dev.agentctl.mcp.tools.Services;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mcp", description = {"Serve agentctl as an MCP server over stdio (JSON-RPC, one message per line): start_run,",
        "wait_runs, show_run, list_runs, run_logs, run_diff, kill_run, resume_run, merge_run, discard_run, status, groups,",
        "the earlier task orchestrators' tools, and resources.",
        "stdout carries only protocol messages; diagnostics go to stderr. Ends (exit 0) when stdin closes; runs go on."},
        footer = {"", "Examples:", "  claude mcp add agentctl -- agentctl mcp",
                "  codex: [mcp_servers.agentctl] command = \"agentctl\", args = [\"mcp\"] in $CODEX_HOME/config.toml"})
public final class McpCommand extends BaseCommand {
    static final String INSTRUCTIONS = "agentctl runs codex agents in parallel. start_run returns a run id at once; "
            + "wait_runs blocks until runs finish and returns their results (goal_met, summary, followup_prompt, "
            + "git_diff_stat); resume_run continues a run's thread with its followup_prompt; kill_run stops one; "
            + "merge_run brings a worktree run's branch into its project. status shows what runs and what waits.";

    @Option(names = "--progress-interval", paramLabel = "SECONDS",
            description = "How often wait_runs sends progress notifications to clients that ask for them (default 5).")
    double progressInterval = 5;

    @Override
    protected int execute() throws Exception {
        if (!(progressInterval > 0) || progressInterval > 3600) {
            throw AgentctlException.usage("--progress-interval must be more than 0 and at most 3600 seconds, not " + progressInterval);
        }
        PrintStream protocol = io().out();
        // The tools' own output (warnings) goes to stderr: stdout is the protocol's alone.
        Io tools = new Io(InputStream.nullInputStream(), io().err(), io().err(), io().env(), io().cwd(), false);
        if (protocol == System.out) System.setOut(io().err());
        Services services = new Services(workspace(), tools);
        McpMethods methods = new McpMethods("agentctl", VersionProvider.version(), INSTRUCTIONS,
                AgentctlTools.all(services, Duration.ofMillis((long) (progressInterval * 1000))), new AgentctlResources(services));
        return new McpServer(methods, protocol, io().err()).serve(io().in());
    }
}
