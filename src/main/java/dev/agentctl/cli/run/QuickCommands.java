package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import java.util.ArrayList;
import java.util.Map;

/**
 * The commands called in loops (show, list, wait, start) and the supervisor, built from a {@link QuickArgs} match
 * with the fields picocli would have set. QuickCommandsTest checks these shapes against the
 * picocli annotations, so an option added there and not here fails the build.
 */
public final class QuickCommands {
    private static final Map<String, Shape> SHAPES = Map.of(
            "show", new Shape(Map.of("--home", Kind.TEXT), 1, 1),
            // A supervisor lives as long as its run: picocli's model would stay in its memory throughout.
            "supervise", new Shape(Map.of("--home", Kind.TEXT), 1, 1),
            "list", new Shape(Map.of("--home", Kind.TEXT, "--limit", Kind.COUNT, "--status", Kind.TEXT,
                    "--project", Kind.TEXT, "--json", Kind.FLAG), 0, 0),
            "wait", new Shape(Map.of("--home", Kind.TEXT, "--timeout", Kind.TEXT, "--any", Kind.FLAG,
                    "--exit-status", Kind.FLAG), 1, Integer.MAX_VALUE),
            "start", new Shape(Map.ofEntries(Map.entry("--home", Kind.TEXT), Map.entry("--project", Kind.TEXT),
                    Map.entry("--profile", Kind.TEXT), Map.entry("--title", Kind.TEXT),
                    Map.entry("--prompt-file", Kind.TEXT), Map.entry("--model", Kind.TEXT),
                    Map.entry("--sandbox", Kind.TEXT), Map.entry("--run-id", Kind.TEXT),
                    Map.entry("--timeout", Kind.TEXT), Map.entry("--tmux-session", Kind.TEXT),
                    Map.entry("--no-tmux", Kind.FLAG)), 0, 0));

    private QuickCommands() {}

    /** The shape of a command that has a quick path, or null. */
    public static Shape shape(String command) {
        return SHAPES.get(command);
    }

    /** The command with its fields set from the match; "--home" is left to the caller. */
    public static BaseCommand build(String command, Match m) {
        switch (command) {
            case "show": {
                ShowCommand c = new ShowCommand();
                c.runId = m.positionals().get(0);
                return c;
            }
            case "supervise": {
                SuperviseCommand c = new SuperviseCommand();
                c.runId = m.positionals().get(0);
                return c;
            }
            case "list": {
                ListCommand c = new ListCommand();
                c.limit = m.count("--limit");
                c.status = m.text("--status");
                c.project = m.text("--project");
                c.json = m.flag("--json");
                return c;
            }
            case "wait": {
                WaitCommand c = new WaitCommand();
                c.runIds = new ArrayList<>(m.positionals());
                c.timeout = m.text("--timeout");
                c.any = m.flag("--any");
                c.exitStatus = m.flag("--exit-status");
                return c;
            }
            case "start": {
                StartCommand c = new StartCommand();
                c.run = new RunOptions(); // the mixin picocli would make
                c.run.profile = m.text("--profile");
                c.run.title = m.text("--title");
                c.run.promptFile = m.text("--prompt-file");
                c.run.timeout = m.text("--timeout");
                c.run.noTmux = m.flag("--no-tmux");
                c.project = m.text("--project");
                c.model = m.text("--model");
                c.sandbox = m.text("--sandbox");
                c.runId = m.text("--run-id");
                c.tmuxSession = m.text("--tmux-session");
                return c;
            }
            default:
                throw new IllegalArgumentException("no quick path for " + command);
        }
    }
}
