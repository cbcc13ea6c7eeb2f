package dev.agentctl.cli.run;

import dev.agentctl.cli.Io;
import dev.agentctl.run.Durations;
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

    @Option(names = "--notify-pane", paramLabel = "PANE", description = "tmux pane that gets this run's [AI_ORCH DONE ...] wake-up "
            + "(e.g. \"$TMUX_PANE\"), instead of config tmux_sendkeys_target. resume: default the parent's.")
    String notifyPane;

    @Option(names = "--no-tmux", description = "Run the supervisor as a detached process; its output goes to the run's pane.log.")
    boolean noTmux;

    /** Seconds, or null for no deadline. */
    Long timeoutSeconds(Config config) {
        return timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : config.defaultTimeoutSeconds();
    }

    /** --notify-pane, checked: tmux would read control characters or an empty target its own way. */
    String notifyPane(String inherited) {
        if (notifyPane == null) return inherited;
        if (notifyPane.isBlank() || notifyPane.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw dev.agentctl.cli.AgentctlException.usage("--notify-pane must be a tmux pane such as %3, not '"
                    + notifyPane.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return notifyPane;
    }

    String prompt(Io io) {
        return PromptInput.read(promptFile, io);
    }
}
