package dev.agentctl.cli;

import dev.agentctl.base.ExitCodes;

import dev.agentctl.base.Io;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Every subcommand by name. Only the one being run is built (picocli's model building is the
 * largest start-up cost); help and unknown names build them all.
 */
public final class CommandRegistry {
    private static final Map<String, Supplier<BaseCommand>> COMMANDS = new LinkedHashMap<>();

    static {
        // Order is the order of `agentctl --help`.
        COMMANDS.put("init", dev.agentctl.cli.workspace.InitCommand::new);
        COMMANDS.put("demo", dev.agentctl.cli.workspace.DemoCommand::new);
        COMMANDS.put("sandbox", dev.agentctl.cli.workspace.SandboxCommand::new);
        COMMANDS.put("doctor", dev.agentctl.cli.workspace.DoctorCommand::new);
        COMMANDS.put("config", dev.agentctl.cli.workspace.ConfigCommand::new);
        COMMANDS.put("add-project", dev.agentctl.cli.project.AddProjectCommand::new);
        COMMANDS.put("projects", dev.agentctl.cli.project.ProjectsCommand::new);
        COMMANDS.put("remove-project", dev.agentctl.cli.project.RemoveProjectCommand::new);
        COMMANDS.put("start", dev.agentctl.cli.run.StartCommand::new);
        COMMANDS.put("wait", dev.agentctl.cli.run.WaitCommand::new);
        COMMANDS.put("show", dev.agentctl.cli.run.ShowCommand::new);
        COMMANDS.put("list", dev.agentctl.cli.run.ListCommand::new);
        COMMANDS.put("resume", dev.agentctl.cli.run.ResumeCommand::new);
        COMMANDS.put("send", dev.agentctl.cli.run.SendCommand::new);
        COMMANDS.put("logs", dev.agentctl.cli.run.LogsCommand::new);
        COMMANDS.put("attach", dev.agentctl.cli.run.AttachCommand::new);
        COMMANDS.put("tail", dev.agentctl.cli.run.TailCommand::new);
        COMMANDS.put("kill", dev.agentctl.cli.run.KillCommand::new);
        COMMANDS.put("diff", dev.agentctl.cli.run.DiffCommand::new);
        COMMANDS.put("merge", dev.agentctl.cli.run.MergeCommand::new);
        COMMANDS.put("discard", dev.agentctl.cli.run.DiscardCommand::new);
        COMMANDS.put("prune", dev.agentctl.cli.run.PruneCommand::new);
        COMMANDS.put("usage", dev.agentctl.cli.run.UsageCommand::new);
        COMMANDS.put("reconcile", dev.agentctl.cli.run.ReconcileCommand::new);
        COMMANDS.put("status", dev.agentctl.cli.run.StatusCommand::new);
        COMMANDS.put("groups", dev.agentctl.cli.group.GroupsCommand::new);
        COMMANDS.put("group", dev.agentctl.cli.group.GroupCommand::new);
        COMMANDS.put("mcp", dev.agentctl.cli.mcp.McpCommand::new);
        COMMANDS.put("completion", dev.agentctl.cli.workspace.CompletionCommand::new);
        COMMANDS.put("batch", dev.agentctl.cli.batch.BatchCommand::new);
        COMMANDS.put("supervise", dev.agentctl.cli.run.SuperviseCommand::new);
        COMMANDS.put("internal", dev.agentctl.cli.run.InternalCommand::new);
    }

    private CommandRegistry() {}

    /** A new command object of that name, or null for an unknown name. */
    static BaseCommand create(String name) {
        Supplier<BaseCommand> factory = COMMANDS.get(name);
        return factory == null ? null : factory.get();
    }

    /** The first argument that is not a global option (or its value), or null. */
    public static String commandNameIn(String[] args) {
        int i = commandIndexIn(args);
        return i < 0 ? null : args[i];
    }

    /**
     * Where the command name stands: the first argument that is not an option or --home's value, or -1.
     * bin/agentctl scans the same way to pick a class-data archive before Java starts (CommandScanTest).
     */
    static int commandIndexIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) {
                i++;
            } else if (!a.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    public static void addSubcommands(CommandLine cli, String wanted, Io io) {
        Supplier<BaseCommand> only = wanted == null ? null : COMMANDS.get(wanted);
        if (only != null) {
            cli.addSubcommand(wanted, only.get().withIo(io));
        } else {
            COMMANDS.forEach((name, factory) -> cli.addSubcommand(name, factory.get().withIo(io)));
        }
        CommandLine group = cli.getSubcommands().get("group");
        if (group != null) {
            dev.agentctl.cli.group.GroupCommand.verbs().forEach((name, verb) -> group.addSubcommand(name, verb.get().withIo(io)));
        }
        // Each command's footer holds its examples; the exit codes follow on every one.
        List<CommandLine> all = new java.util.ArrayList<>(cli.getSubcommands().values());
        if (group != null) all.addAll(group.getSubcommands().values());
        for (CommandLine sub : all) {
            var usage = sub.getCommandSpec().usageMessage();
            String[] footer = usage.footer();
            if (footer.length > 0 && footer[footer.length - 1].equals(ExitCodes.HELP_FOOTER)) continue;
            String[] withCodes = java.util.Arrays.copyOf(footer, footer.length + 1);
            withCodes[footer.length] = ExitCodes.HELP_FOOTER;
            usage.footer(withCodes);
        }
    }
}
