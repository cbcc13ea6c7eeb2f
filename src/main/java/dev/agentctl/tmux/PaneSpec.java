package dev.agentctl.tmux;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and what a new pane runs.
 *
 * @param session    the session whose current window is split; {@code null} means the caller's window when
 *                   {@code callerPane} is set, else {@link #DEFAULT_SESSION}
 * @param callerPane {@code $TMUX_PANE} of the caller (a pane id like "%3") or {@code null}; it must belong to
 *                   the same tmux server as the {@link Tmux} that opens the pane
 * @param cwd        working directory of the new pane; must exist
 * @param argv       the program and its arguments, run directly (no shell); never empty
 * @param title      pane title or {@code null}; sanitized to one line before use
 */
public record PaneSpec(String session, String callerPane, Path cwd, List<String> argv, String title) {
    public static final String DEFAULT_SESSION = "ai";

    public PaneSpec {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(argv, "argv");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
    }
}
