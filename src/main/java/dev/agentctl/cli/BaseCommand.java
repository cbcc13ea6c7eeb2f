package dev.agentctl.cli;

import dev.agentctl.Main;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunStore;
import dev.agentctl.supervisor.Reconciler;
import dev.agentctl.supervisor.RunFinalizer;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every command shares: the workspace, config and I/O; errors are mapped to exit codes by Main. */
@CommandLine.Command(sortOptions = false)
public abstract class BaseCommand implements Callable<Integer> {
    // -h/--help on every command; -V/--version only on the top command, where it means something.
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @CommandLine.Option(names = "--home", paramLabel = "DIR",
            description = "Workspace directory (default: $AI_ORCH_HOME, else ~/.ai-orch).")
    String home;

    @CommandLine.ParentCommand
    AgentctlCommand parent;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    private Workspace workspace;

    protected Io io() {
        return Main.io();
    }

    protected Workspace workspace() {
        if (workspace == null) {
            workspace = workspaceAsIs().ensure();
        }
        return workspace;
    }

    /** The workspace --home or the environment names, without creating anything (doctor reports instead). */
    protected Workspace workspaceAsIs() {
        return Workspace.resolve(home != null ? home : parent != null ? parent.home : null, io().env());
    }

    protected Config config() {
        return new ConfigStore(workspace()).load();
    }

    protected RunStore runs() {
        return new RunStore(workspace());
    }

    /** The run id a reference names (whole id, unique prefix, "last"); see RunRef. */
    protected String runId(String ref) {
        return dev.agentctl.run.RunRef.resolve(runs(), ref);
    }

    protected ProjectRegistry projects() {
        return new ProjectRegistry(workspace());
    }

    protected Reconciler reconciler() {
        return new Reconciler(runs(), this::finalizer);
    }

    protected RunFinalizer finalizer() {
        return new RunFinalizer(runs(), notifier());
    }

    protected Notifier notifier() {
        return new Notifier(workspace(), config(), problem -> io().err().println("agentctl: warning: " + problem));
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;
}
