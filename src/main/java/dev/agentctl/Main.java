package dev.agentctl;

import dev.agentctl.cli.AgentctlCommand;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.CommandRegistry;
import dev.agentctl.base.ExitCodes;
import dev.agentctl.base.Io;
import dev.agentctl.cli.QuickPath;
import dev.agentctl.base.TerminalText;
import dev.agentctl.cli.Suggestions;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Entry point: the hot commands' plain argument lists skip picocli ({@link QuickPath}); everything
 * else builds only the command being run (start-up time matters). Errors map to exit codes.
 */
public final class Main {
    /** Set (to anything) in the environment to send every argument list through picocli. */
    public static final String NO_QUICK_PATH_ENV = "AGENTCTL_NO_QUICK_PATH";

    /** Wider than any line of help, so picocli never breaks one. */
    static final int HELP_WIDTH = 1000;

    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, Io.system());
        } catch (Throwable t) { // an Error that escaped picocli: still one line, never a stack trace
            code = onError(t, Io.system());
        }
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args, Io newIo) {
        Callable<Integer> quick = newIo.env().get(NO_QUICK_PATH_ENV) == null ? QuickPath.parse(args, newIo) : null;
        if (quick != null) {
            // What picocli's execute does with a parsed command: call it, its result is the exit code.
            try {
                return quick.call();
            } catch (Exception | Error ex) {
                return onError(ex, newIo);
            }
        }
        CommandLine cli = new CommandLine(new AgentctlCommand());
        CommandRegistry.addSubcommands(cli, CommandRegistry.commandNameIn(args), newIo);
        // Help is not wrapped at 80 columns: examples must survive copy and paste; terminals wrap long lines.
        cli.setUsageHelpAutoWidth(false);
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setOut(new java.io.PrintWriter(newIo.out(), true));
        cli.setErr(new java.io.PrintWriter(newIo.err(), true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> onError(ex, newIo));
        cli.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandName();
            String prefix = "agentctl".equals(name) ? "agentctl" : "agentctl " + name;
            newIo.err().println(prefix + ": " + safe(Suggestions.message(ex)) + " (see '" + prefix + " --help')");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    /**
     * One line on stderr, whatever went wrong: messages quote user values (paths, ids, project names),
     * so they go through the same safe-text rule as everything typed into a terminal. A resource limit
     * (memory, stack) is a failure like any other, not a stack trace.
     */
    static int onError(Throwable ex, Io io) {
        if (ex instanceof AgentctlException ae) {
            io.err().println("agentctl: " + safe(ae.getMessage()));
            return ExitCodes.of(ae.kind());
        }
        if (ex instanceof OutOfMemoryError || ex instanceof StackOverflowError) {
            io.err().println("agentctl: out of resources: " + safe(String.valueOf(ex))
                    + " (the input is too large for this command's memory)");
        } else {
            io.err().println("agentctl: internal error: " + safe(String.valueOf(ex)));
        }
        if (io.env().get("AGENTCTL_DEBUG") != null) ex.printStackTrace(io.err());
        return ExitCodes.FAILED;
    }

    private static String safe(String message) {
        return TerminalText.oneLine(message, 2000);
    }
}
