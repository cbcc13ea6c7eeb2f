package dev.agentctl.cli;

import dev.agentctl.base.Io;

import dev.agentctl.notify.Notifier;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunStore;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.base.TerminalText;
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

    /** agentctl itself, or the command a verb belongs to (group). */
    @CommandLine.ParentCommand
    Object parent;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    private Workspace workspace;
    private Io io;

    /** The registry and the quick path hand every command its I/O when they build it. */
    public BaseCommand withIo(Io io) {
        this.io = io;
        return this;
    }

    protected Io io() {
        return io;
    }

    protected Workspace workspace() {
        if (workspace == null) {
            workspace = workspaceAsIs().ensure();
        }
        return workspace;
    }

    /** The workspace --home or the environment names, without creating anything (doctor reports instead). */
    protected Workspace workspaceAsIs() {
        return Workspace.resolve(homeOption(), io().env());
    }

    /** --home as given to this command, else to the command above it. */
    protected String homeOption() {
        if (home != null) return home;
        if (parent instanceof AgentctlCommand top) return top.home;
        return parent instanceof BaseCommand above ? above.homeOption() : null;
    }

    protected Config config() {
        return new ConfigStore(workspace()).load();
    }

    protected RunStore runs() {
        return new RunStore(workspace());
    }

    /** The run id a reference names (whole id, unique prefix, "last"); see RunRef. */
    protected RunId runId(String ref) {
        return dev.agentctl.run.RunRef.resolve(runs(), ref);
    }

    protected ProjectRegistry projects() {
        return new ProjectRegistry(workspace());
    }

    protected Reconciler reconciler() {
        return new Reconciler(runs(), this::finalizer, this::warn);
    }

    protected RunFinalizer finalizer() {
        return new RunFinalizer(runs(), notifier());
    }

    /** The queue, which launches waiting runs when slots are free (no daemon: commands do it as they go). */
    protected Queue queue() {
        return new Queue(runs(), config(), this::finalizer, io().env());
    }

    protected Notifier notifier() {
        return new Notifier(workspace(), config(), io().env(), this::warn);
    }

    /** One line on stderr; warnings quote paths and ids, so they follow the safe-text rule too. */
    protected void warn(String warning) {
        io().err().println("agentctl: warning: " + TerminalText.field(warning));
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;
}
