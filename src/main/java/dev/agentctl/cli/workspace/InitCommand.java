package dev.agentctl.cli.workspace;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.Workspace;
import picocli.CommandLine.Command;

@Command(name = "init", description = "Create the workspace (config.json, projects.json, output schema, runs/) and print its paths. Never overwrites settings.",
        footer = {"", "Example:", "  agentctl init", "  agentctl --home /tmp/ws init"})
public final class InitCommand extends BaseCommand {
    @Override
    protected int execute() {
        Workspace ws = workspace();
        boolean changed = new ConfigStore(ws).writeMissingDefaults();
        projects().ensureFile();
        var out = io().out();
        out.println("workspace: " + ws.home());
        out.println("config:    " + ws.configFile() + (changed ? " (defaults written)" : " (kept)"));
        out.println("projects:  " + ws.projectsFile());
        out.println("schema:    " + ws.schemaFile());
        out.println("notify:    " + ws.notifyLog());
        out.println("runs:      " + ws.runsDir());
        return 0;
    }
}
