package dev.agentctl.cli.run;

import dev.agentctl.base.Io;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import java.util.Map;
import dev.agentctl.base.Durations;
import dev.agentctl.workspace.Config;
import picocli.CommandLine.Option;

/** Options start and resume share (a picocli mixin), and what they resolve to. */
public final class RunOptions {
    @Option(names = "--profile", paramLabel = "P", description = "Profile from config.json (start: the project's, else spark; resume: the parent's).")
    String profile;

    @Option(names = "--title", paramLabel = "T", description = "A short title for list and notifications.")
    String title;

    @Option(names = "--prompt-file", paramLabel = "F", description = "Read the prompt from F instead of stdin.")
    String promptFile;

    @Option(names = "--timeout", paramLabel = "DUR", description = "Stop the run after DUR (120, 90s, 30m, 2h): outcome timed_out. Default: config default_timeout.")
    String timeout;

    @Option(names = "--no-tmux", description = "Run the supervisor as a detached process; its output goes to the run's pane.log.")
    boolean noTmux;

    /** The options above, for the quick path of the commands that mix them in. */
    static final Map<String, Kind> QUICK_OPTIONS = Map.of("--profile", Kind.TEXT, "--title", Kind.TEXT,
            "--prompt-file", Kind.TEXT, "--timeout", Kind.TEXT, "--no-tmux", Kind.FLAG);

    static RunOptions fromQuick(Match m) {
        RunOptions o = new RunOptions();
        o.profile = m.text("--profile");
        o.title = m.text("--title");
        o.promptFile = m.text("--prompt-file");
        o.timeout = m.text("--timeout");
        o.noTmux = m.flag("--no-tmux");
        return o;
    }

    /** Seconds, or null for no deadline. */
    Long timeoutSeconds(Config config) {
        return timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : config.defaultTimeoutSeconds();
    }

    byte[] prompt(Io io) {
        return PromptInput.read(promptFile, io);
    }
}
