package dev.agentctl.mcp.tools;

import dev.agentctl.cli.Io;
import dev.agentctl.notify.Notifier;
import dev.agentctl.ops.RunGroups;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunQuery;
import dev.agentctl.run.RunStore;
import dev.agentctl.supervisor.Reconciler;
import dev.agentctl.supervisor.RunFinalizer;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Workspace;
import java.util.List;

/**
 * The parts the tools share, wired as a command's are (BaseCommand). Config is read per call, so an
 * edit of config.json applies to the next call without restarting the server.
 */
public final class Services {
    private final Workspace workspace;
    private final Io io;

    /** io.out() must not be the protocol stream: a warning printed there would corrupt it. */
    public Services(Workspace workspace, Io io) {
        this.workspace = workspace;
        this.io = io;
    }

    public Workspace workspace() { return workspace; }
    public Io io() { return io; }
    public RunStore runs() { return new RunStore(workspace); }
    public Config config() { return new ConfigStore(workspace).load(); }
    public ProjectRegistry projects() { return new ProjectRegistry(workspace); }
    public RunGroups groups() { return new RunGroups(workspace); }

    public Reconciler reconciler() {
        return new Reconciler(runs(), this::finalizer);
    }

    public RunFinalizer finalizer() {
        return new RunFinalizer(runs(), new Notifier(workspace, config(), p -> io.err().println("agentctl mcp: warning: " + p)));
    }

    /** A run's meta as show has it: a run whose supervisor is gone is marked lost first. */
    public RunMeta show(String runId) {
        return reconciler().reconcile(runs().read(runId));
    }

    /** Every run's meta, reconciled (as list --json reads them); unreadable runs are skipped with a warning. */
    public List<RunMeta> allRuns() {
        return reconciler().reconcileAll(RunQuery.readAll(runs(), w -> io.err().println("agentctl mcp: warning: " + w)));
    }
}
