package dev.agentctl.cli.run;

import dev.agentctl.cli.Io;
import dev.agentctl.run.Durations;
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

    /** Seconds, or null when --timeout was not given (the config's default_timeout then applies). */
    Long timeoutSeconds() {
        return timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : null;
    }

    String prompt(Io io) {
        return PromptInput.read(promptFile, io);
    }
}
