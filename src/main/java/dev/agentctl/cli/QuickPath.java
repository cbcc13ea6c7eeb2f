package dev.agentctl.cli;

import dev.agentctl.base.Io;

import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.run.QuickCommands;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Start-up without picocli for the calls made in loops: `--version` and the plain shapes of show,
 * list, wait, start and supervise. Building picocli's model (annotation proxies, reflection, its converters)
 * costs more than those commands themselves. Everything else, and every malformed or unusual
 * argument list, returns null and goes through picocli, which then parses and reports as always.
 * The command objects get exactly the fields picocli would give them; QuickPathTest holds the two
 * paths to that.
 */
public final class QuickPath {
    private QuickPath() {}

    /** What to run for these arguments, or null when picocli must parse them. */
    public static Callable<Integer> parse(String[] args, Io io) {
        if (picocliConfigured()) return null;
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            String line = new VersionProvider().getVersion()[0];
            // picocli formats the line (String.format, then its @|style markup|@): plain text only.
            if (line.contains("%") || line.contains("@|")) return null;
            return () -> {
                io.out().println(line);
                return ExitCodes.OK;
            };
        }
        String globalHome = null;
        int i = 0;
        while (i < args.length && !QuickArgs.plain(args[i])) {
            if (!args[i].equals("--home") || globalHome != null || i + 1 >= args.length || !QuickArgs.plain(args[i + 1])) {
                return null;
            }
            globalHome = args[i + 1];
            i += 2;
        }
        if (i >= args.length) return null;
        String name = args[i];
        Shape shape = QuickCommands.shape(name);
        // picocli refuses an option value that names the subcommand ("--home show show X").
        if (shape == null || name.equals(globalHome)) return null;
        Match m = QuickArgs.match(shape, Arrays.asList(args).subList(i + 1, args.length));
        if (m == null) return null;
        BaseCommand command = QuickCommands.build(name, m).withIo(io);
        AgentctlCommand top = new AgentctlCommand();
        top.home = globalHome;
        command.parent = top;
        command.home = m.text("--home");
        return command;
    }

    /** picocli.* system properties (trace, trimQuotes, at-file syntax ...) change how picocli parses. */
    private static boolean picocliConfigured() {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) return true;
        }
        return false;
    }
}
