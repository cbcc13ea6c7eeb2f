package dev.agentctl.cli.run;

import dev.agentctl.base.Io;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.run.RunId;
import java.util.Map;
import dev.agentctl.base.Durations;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.lifecycle.QueueOptions;
import dev.agentctl.run.RunRef;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import java.util.ArrayList;
import java.util.List;
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

    /** The options above, for the quick path of the commands that mix them in. */
    static final Map<String, Kind> QUICK_OPTIONS = Map.ofEntries(Map.entry("--profile", Kind.TEXT), Map.entry("--title", Kind.TEXT),
            Map.entry("--prompt-file", Kind.TEXT), Map.entry("--timeout", Kind.TEXT), Map.entry("--no-tmux", Kind.FLAG),
            Map.entry("--group", Kind.TEXT), Map.entry("--after", Kind.TEXT), Map.entry("--after-any", Kind.FLAG),
            Map.entry("--queue-timeout", Kind.TEXT), Map.entry("--no-queue", Kind.FLAG), Map.entry("--notify-pane", Kind.TEXT));

    static RunOptions fromQuick(Match m) {
        RunOptions o = new RunOptions();
        o.profile = m.text("--profile");
        o.title = m.text("--title");
        o.promptFile = m.text("--prompt-file");
        o.timeout = m.text("--timeout");
        o.noTmux = m.flag("--no-tmux");
        o.notifyPane = m.text("--notify-pane");
        o.group = m.text("--group");
        o.after = m.text("--after");
        o.afterAny = m.flag("--after-any");
        o.queueTimeout = m.text("--queue-timeout");
        o.noQueue = m.flag("--no-queue");
        return o;
    }

    @Option(names = "--group", paramLabel = "NAME", description = "Put the run in this group (created on first use; default: the starting run's group).")
    String group;

    @Option(names = "--after", paramLabel = "RUN[,RUN...]", description = "Stay queued until these runs have finished; if one did not succeed, end failed without starting.")
    String after;

    @Option(names = "--after-any", description = "With --after: start once they have finished, whatever their outcome.")
    boolean afterAny;

    @Option(names = "--queue-timeout", paramLabel = "DUR", description = "End timed_out if the run has not started DUR after it was created.")
    String queueTimeout;

    @Option(names = "--no-queue", description = "Refuse (exit 1) instead of queueing when a cap is reached.")
    boolean noQueue;

    /**
     * Where the run goes among others, each --after reference (a prefix, "last") turned into its run id;
     * every reference and --queue-timeout is checked before any is resolved.
     */
    QueueOptions queue(RunStore runs) {
        if (afterAny && after == null) throw AgentctlException.usage("--after-any needs --after RUN[,RUN...]");
        List<String> ids = new ArrayList<>();
        if (after != null) {
            for (String id : after.split(",", -1)) {
                if (id.isBlank()) throw AgentctlException.usage("--after: empty run id in '" + after + "'");
                if (!id.strip().equals(RunRef.NEWEST)) RunId.of(id.strip()); // "@": the newest run
                if (!ids.contains(id.strip())) ids.add(id.strip());
            }
        }
        Long qt = queueTimeout == null ? null : Long.valueOf(Durations.parseSeconds(queueTimeout, "--queue-timeout"));
        return new QueueOptions(group, RunRef.resolveAll(runs, ids), afterAny, qt, noQueue);
    }

    /** Seconds, or null for no deadline. */
    Long timeoutSeconds(Config config) {
        return timeout != null ? Long.valueOf(Durations.parseSeconds(timeout, "--timeout")) : config.defaultTimeoutSeconds();
    }

    /** --notify-pane, checked (tmux would read control characters or an empty target its own way), or null. */
    String notifyPane() {
        if (notifyPane == null) return null;
        if (notifyPane.isBlank() || notifyPane.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw AgentctlException.usage("--notify-pane must be a tmux pane such as %3, not '"
                    + notifyPane.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return notifyPane;
    }

    byte[] prompt(Io io) {
        return PromptInput.read(promptFile, io);
    }
}
