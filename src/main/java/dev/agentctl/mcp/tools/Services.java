package dev.agentctl.mcp.tools;

import dev.agentctl.base.Io;
import dev.agentctl.base.TerminalText;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.notify.Notifier;
import dev.agentctl.ops.GroupReports;
import dev.agentctl.ops.RunList;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Violations;
import dev.agentctl.workspace.Workspace;

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
    public GroupStore groups() { return new GroupStore(workspace); }

    public Notifier notifier() {
        return new Notifier(workspace, config(), io.env(), this::warn);
    }

    public RunFinalizer finalizer() {
        return new RunFinalizer(runs(), notifier());
    }

    public Reconciler reconciler() {
        return new Reconciler(runs(), this::finalizer, this::warn);
    }

    public Queue queue() {
        return new Queue(runs(), config(), this::finalizer, io.env());
    }

    public RunKiller killer() {
        return new RunKiller(runs(), reconciler(), finalizer(), queue());
    }

    public RunList runList() {
        return new RunList(runs(), reconciler(), queue(), this::warn);
    }

    public GroupReports groupReports() {
        return new GroupReports(groups(), new Violations(workspace), config(), runList());
    }

    /** A run's meta as show has it: a run whose supervisor is gone is marked lost first. */
    public RunMeta show(RunId runId) {
        return reconciler().reconcile(runs().read(runId));
    }

    /** On stderr, never stdout (the protocol's); warnings quote paths and ids, so they follow the safe-text rule. */
    public void warn(String warning) {
        io.err().println("agentctl mcp: warning: " + TerminalText.field(warning));
    }
}
