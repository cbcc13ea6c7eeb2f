package dev.agentctl.cli.project;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.workspace.ProjectRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-project", description = "Register a project directory under a short name (re-adding a name updates it).",
        footer = {"", "Examples:", "  agentctl add-project myapp ~/src/myapp --default-profile deep",
                "  agentctl add-project web ~/src/web --isolation worktree --worktree-setup 'npm ci'"})
public final class AddProjectCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
    String name;

    @Parameters(index = "1", paramLabel = "PATH", description = "An existing directory; stored as its real absolute path.")
    String path;

    @Option(names = "--default-profile", paramLabel = "P", description = "Profile for runs of this project (default: spark).")
    String defaultProfile;

    @Option(names = "--isolation", paramLabel = "MODE", description = "worktree or shared: how this project's runs work unless start says otherwise (\"\" clears it).")
    String isolation;

    @Option(names = "--worktree-setup", paramLabel = "CMD", description = "Shell command run (sh -c) in each new worktree before codex, e.g. 'npm ci' (\"\" clears it).")
    String worktreeSetup;
    @Option(names = "--max-concurrent", paramLabel = "N", description = "At most N runs of this project at a time (0: no cap of its own).")
    Integer maxConcurrent;

    @Override
    protected int execute() {
        if (defaultProfile != null) {
            config().profile(defaultProfile);
        }
        if (maxConcurrent != null && maxConcurrent < 0) {
            throw dev.agentctl.base.AgentctlException.usage("--max-concurrent must be 0 or more, not " + maxConcurrent);
        }
        ProjectRegistry.AddResult r = projects().add(name, path, defaultProfile, isolation, worktreeSetup);
        if (maxConcurrent != null) projects().setMaxConcurrent(name, maxConcurrent == 0 ? null : maxConcurrent);
        io().out().println((r.updated() ? "updated project " : "added project ") + r.project().name() + " -> " + r.project().dir());
        return 0;
    }
}
