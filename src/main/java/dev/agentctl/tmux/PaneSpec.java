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
 * @param minHeight  rows the new pane must get, else it goes to an overflow window; 0 = as small as tmux allows
 * @param borderTitles show pane titles in the borders of the window split even when agentctl did not create it
 *                   (windows agentctl creates always show them)
 * @param overflowWindow name of a window opened when the target window has no room
 */
public record PaneSpec(String session, String callerPane, Path cwd, List<String> argv, String title, int minHeight,
        boolean borderTitles, String overflowWindow) {
    public static final String DEFAULT_SESSION = "ai";
    public static final String DEFAULT_OVERFLOW_WINDOW = "agents";

    public PaneSpec(String session, String callerPane, Path cwd, List<String> argv, String title) {
        this(session, callerPane, cwd, argv, title, 0, false, DEFAULT_OVERFLOW_WINDOW);
    }

    public PaneSpec {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(argv, "argv");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        if (minHeight < 0) {
            throw new IllegalArgumentException("minHeight must not be negative");
        }
        if (overflowWindow == null || overflowWindow.isBlank()) {
            overflowWindow = DEFAULT_OVERFLOW_WINDOW;
        }
    }
}
