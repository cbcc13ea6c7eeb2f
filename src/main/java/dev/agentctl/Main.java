package dev.agentctl;

import dev.agentctl.cli.AgentctlCommand;
import dev.agentctl.cli.AgentctlException;
import dev.agentctl.cli.CommandRegistry;
import dev.agentctl.cli.ExitCodes;
import dev.agentctl.cli.Io;
import picocli.CommandLine;

/** Entry point: builds only the command being run (start-up time matters) and maps errors to exit codes. */
public final class Main {
    private static volatile Io io = Io.system();

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, Io.system());
        System.out.flush();
        System.exit(code);
    }

    public static Io io() {
        return io;
    }

    public static int run(String[] args, Io newIo) {
        io = newIo;
        CommandLine cli = new CommandLine(new AgentctlCommand());
        CommandRegistry.addSubcommands(cli, CommandRegistry.commandNameIn(args));
        cli.setOut(new java.io.PrintWriter(newIo.out(), true));
        cli.setErr(new java.io.PrintWriter(newIo.err(), true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof AgentctlException ae) {
                newIo.err().println("agentctl: " + ae.getMessage());
                return ae.exitCode();
            }
            newIo.err().println("agentctl: internal error: " + ex);
            if (newIo.env().get("AGENTCTL_DEBUG") != null) ex.printStackTrace(newIo.err());
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandName();
            String prefix = "agentctl".equals(name) ? "agentctl" : "agentctl " + name;
            newIo.err().println(prefix + ": " + ex.getMessage() + " (see '" + prefix + " --help')");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
