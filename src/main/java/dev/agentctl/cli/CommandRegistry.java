package dev.agentctl.cli;

import dev.agentctl.base.ExitCodes;
import dev.agentctl.base.Io;
import java.util.List;
import picocli.CommandLine;

/**
 * Every subcommand by name. Only the one being run is built (picocli's model building is the
 * largest start-up cost); help and unknown names build them all.
 */
public final class CommandRegistry {
    /** Every command's name, in the order of `agentctl --help`. */
    private static final List<String> NAMES = List.of(
            "init", "demo", "sandbox", "doctor", "config", "add-project",
            "projects", "remove-project", "start", "wait", "show", "list",
            "resume", "send", "logs", "attach", "tail", "kill",
            "diff", "merge", "discard", "prune", "usage", "reconcile",
            "status", "groups", "group", "mcp", "completion", "batch",
            "supervise", "internal");

    private CommandRegistry() {}

    /**
     * A new command object of that name, or null for an unknown name. A switch, not a map of constructor
     * references: each reference would load its class, and a supervisor or `start` needs only its own.
     */
    static BaseCommand create(String name) {
        if (name == null) return null;
        return switch (name) {
            case "init" -> new dev.agentctl.cli.workspace.InitCommand();
            case "demo" -> new dev.agentctl.cli.workspace.DemoCommand();
            case "sandbox" -> new dev.agentctl.cli.workspace.SandboxCommand();
            case "doctor" -> new dev.agentctl.cli.workspace.DoctorCommand();
            case "config" -> new dev.agentctl.cli.workspace.ConfigCommand();
            case "add-project" -> new dev.agentctl.cli.project.AddProjectCommand();
            case "projects" -> new dev.agentctl.cli.project.ProjectsCommand();
            case "remove-project" -> new dev.agentctl.cli.project.RemoveProjectCommand();
            case "start" -> new dev.agentctl.cli.run.StartCommand();
            case "wait" -> new dev.agentctl.cli.run.WaitCommand();
            case "show" -> new dev.agentctl.cli.run.ShowCommand();
            case "list" -> new dev.agentctl.cli.run.ListCommand();
            case "resume" -> new dev.agentctl.cli.run.ResumeCommand();
            case "send" -> new dev.agentctl.cli.run.SendCommand();
            case "logs" -> new dev.agentctl.cli.run.LogsCommand();
            case "attach" -> new dev.agentctl.cli.run.AttachCommand();
            case "tail" -> new dev.agentctl.cli.run.TailCommand();
            case "kill" -> new dev.agentctl.cli.run.KillCommand();
            case "diff" -> new dev.agentctl.cli.run.DiffCommand();
            case "merge" -> new dev.agentctl.cli.run.MergeCommand();
            case "discard" -> new dev.agentctl.cli.run.DiscardCommand();
            case "prune" -> new dev.agentctl.cli.run.PruneCommand();
            case "usage" -> new dev.agentctl.cli.run.UsageCommand();
            case "reconcile" -> new dev.agentctl.cli.run.ReconcileCommand();
            case "status" -> new dev.agentctl.cli.run.StatusCommand();
            case "groups" -> new dev.agentctl.cli.group.GroupsCommand();
            case "group" -> new dev.agentctl.cli.group.GroupCommand();
            case "mcp" -> new dev.agentctl.cli.mcp.McpCommand();
            case "completion" -> new dev.agentctl.cli.workspace.CompletionCommand();
            case "batch" -> new dev.agentctl.cli.batch.BatchCommand();
            case "supervise" -> new dev.agentctl.cli.run.SuperviseCommand();
            case "internal" -> new dev.agentctl.cli.run.InternalCommand();
            default -> null;
        };
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
        BaseCommand only = wanted == null ? null : create(wanted);
        if (only != null) {
            cli.addSubcommand(wanted, only.withIo(io));
        } else {
            for (String name : NAMES) cli.addSubcommand(name, create(name).withIo(io));
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
