package dev.agentctl.cli;

import dev.agentctl.base.ExitCodes;

import dev.agentctl.base.Io;

import dev.agentctl.cli.QuickArgs.Match;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Start-up without picocli for the calls made in loops: `--version` and the plain shapes of show,
 * list, wait, start and supervise. Building picocli's model (annotation proxies, reflection, its converters)
 * costs more than those commands themselves. Everything else, and every malformed or unusual
 * argument list, returns null and goes through picocli, which then parses and reports as always.
 * The command objects get exactly the fields picocli would give them; QuickPathTest holds the two
 * paths to that; each quick command declares its shape beside its options (QuickCommand).
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
        int i = CommandRegistry.commandIndexIn(args);
        // Before the name: nothing, or one plain --home value; anything else is picocli's to read.
        if (i < 0 || i != 0 && (i != 2 || !args[0].equals("--home") || !QuickArgs.plain(args[1])) || !QuickArgs.plain(args[i])) {
            return null;
        }
        String globalHome = i == 2 ? args[1] : null;
        String name = args[i];
        BaseCommand command = CommandRegistry.create(name);
        // picocli refuses an option value that names the subcommand ("--home show show X").
        if (!(command instanceof QuickCommand quick) || name.equals(globalHome)) return null;
        Match m = QuickArgs.match(quick.quickShape(), Arrays.asList(args).subList(i + 1, args.length));
        if (m == null || !quick.quickAccepts(m)) return null;
        quick.applyQuick(m);
        command.withIo(io);
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
