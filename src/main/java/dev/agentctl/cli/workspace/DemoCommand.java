package dev.agentctl.cli.workspace;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {"See agentctl work in a minute, with no API key and no network: three codex runs "
        + "in parallel and one resume, against a built-in offline model, in a temporary workspace and CODEX_HOME "
        + "(under ~/.cache/agentctl) that are removed afterwards. Never touches your workspace or ~/.codex.",
        "Needs codex (the tested version; agentctl doctor says which) and git; tmux to watch the runs in panes."},
        footer = {"", "Examples:", "  agentctl demo", "  agentctl demo --no-tmux", "  agentctl demo --keep", "  agentctl demo --serve"})
public final class DemoCommand extends BaseCommand {
    @Option(names = "--keep", description = "Keep the demo's directory (and its tmux session) to look at afterwards.")
    boolean keep;

    @Option(names = "--no-tmux", description = "Run the demo's runs as detached processes instead of tmux panes.")
    boolean noTmux;

    @Option(names = "--serve", description = "Instead of the demo, serve a practice sandbox until Ctrl-C (the same as 'agentctl sandbox').")
    boolean serve;

    @Override
    protected int execute() throws InterruptedException {
        if (serve) return new dev.agentctl.demo.Sandbox(io()).run(null, keep);
        return new Demo(io()).run(new Demo.Options(keep, noTmux));
    }
}
