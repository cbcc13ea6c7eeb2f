package dev.agentctl.tmux;

import dev.agentctl.base.TerminalText;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.tmux.TmuxProcess.Result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opens a run's pane: split the target window (one tmux invocation in the common case), create the session
 * when it is missing, or open an overflow window when the target window has no room left.
 *
 * <p>Layout: the window's first pane (the orchestrator) stays left, agents are stacked on the right
 * (main-vertical). A new pane is split off the bottom-right pane after normalising the layout, so it lands
 * last in the pane list and is the bottom-right pane again after the layout is re-applied; that is how the
 * title command in the same invocation finds it without knowing its id. Splitting the right-hand column is
 * also what makes tmux's own "no space for new pane" mean "this column is full".
 */
final class PaneOpener {
    static final String OVERFLOW_OPTION = "@agentctl-overflow";
    static final String OVERFLOW_WINDOW_NAME = "agents";
    static final int NEW_SESSION_WIDTH = 220;
    static final int NEW_SESSION_HEIGHT = 50;
    static final int TITLE_MAX = 100;
    static final String BORDER_FORMAT = " #{pane_index}: #{pane_title} ";

    private static final String WHAT = "open pane";
    private static final String LAYOUT = "main-vertical";
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final Pattern PANE_ID = Pattern.compile("%[0-9]+");

    private final TmuxProcess tmux;

    PaneOpener(TmuxProcess tmux) {
        this.tmux = tmux;
    }

    /** What the new pane gets, already made safe for tmux. */
    record Launch(String cwd, List<String> argv, String title, int minHeight, boolean borderTitles, String overflowWindow) {
        static Launch of(PaneSpec spec) {
            Path cwd = spec.cwd().toAbsolutePath().normalize();
            if (!Files.isDirectory(cwd)) {
                throw AgentctlException.failed("tmux: " + WHAT + " failed: no such directory: "
                        + TerminalText.oneLine(cwd.toString(), 300));
            }
            String title = spec.title() == null ? null : TerminalText.oneLine(spec.title(), TITLE_MAX);
            String overflow = TerminalText.oneLine(spec.overflowWindow(), TITLE_MAX);
            return new Launch(cwd.toString(), paneArgv(spec.argv()), title == null || title.isBlank() ? null : title,
                    spec.minHeight(), spec.borderTitles(), overflow.isBlank() ? OVERFLOW_WINDOW_NAME : overflow);
        }
    }

    Opened open(PaneSpec spec) {
        Launch launch = Launch.of(spec);
        if (spec.session() == null && spec.callerPane() != null) {
            return openBesideCaller(checkedPaneId(spec.callerPane()), launch);
        }
        String session = spec.session() == null ? PaneSpec.DEFAULT_SESSION : checkedSessionName(spec.session());
        return openInSession(session, launch);
    }

    private Opened openInSession(String session, Launch launch) {
        String window = "=" + session + ":";
        // Other agentctl processes create the session, and a session whose last pane exits goes away (the
        // server with it): a few rounds of split / create settle any such race.
        Result split = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            split = trySplit(window, launch);
            if (split.ok()) {
                return newPaneId(split);
            }
            if (!sessionMissing(split)) {
                break;
            }
            Result created = tmux.run(WHAT, newSession(session, launch).args());
            if (created.ok()) {
                return newPaneId(created);
            }
            if (!created.stderr().contains("duplicate session") && !serverMissing(created)) {
                throw TmuxProcess.failure(WHAT, created);
            }
        }
        if (noRoom(split)) {
            return openOverflow("=" + session, null, launch);
        }
        throw TmuxProcess.failure(WHAT, split);
    }

    private Opened openBesideCaller(String callerPane, Launch launch) {
        // display-message falls back to some other pane when its target is gone, so check the answer's pane.
        Result where = tmux.check(WHAT, new CommandChain()
                .add("display-message", "-p", "-t", callerPane, "#{pane_id} #{session_id} #{window_id}").args());
        String[] ids = where.firstLine().split(" ");
        if (ids.length != 3 || !ids[0].equals(callerPane)) {
            throw AgentctlException.failed("tmux: " + WHAT + " failed: can't find pane: " + callerPane);
        }
        Result split = trySplit(ids[2], launch);
        if (split.ok()) {
            return newPaneId(split);
        }
        if (noRoom(split)) {
            return openOverflow(ids[1], ids[2], launch);
        }
        throw TmuxProcess.failure(WHAT, split);
    }

    /**
     * The window is full: split the session's newest overflow window if it has room, else open a new one
     * (-d, so nobody's view changes). {@code fullWindow} null means the session's current window.
     */
    private Opened openOverflow(String session, String fullWindow, Launch launch) {
        Result windows = tmux.check(WHAT, new CommandChain().add("list-windows", "-t", session,
                "-F", "#{window_id} #{window_active} #{" + OVERFLOW_OPTION + "} #{window_name}").args());
        String candidate = null;
        for (String line : windows.stdout().split("\n")) {
            String[] f = line.strip().split(" ", 4);
            boolean full = fullWindow == null ? f.length > 1 && f[1].equals("1") : f[0].equals(fullWindow);
            if (f.length == 4 && f[2].equals("1") && f[3].equals(launch.overflowWindow()) && !full) {
                candidate = f[0]; // list-windows goes by index: the last one is the newest
            }
        }
        if (candidate != null) {
            Result split = trySplit(candidate, launch);
            if (split.ok()) {
                return newPaneId(split);
            }
            if (!noRoom(split)) {
                throw TmuxProcess.failure(WHAT, split);
            }
        }
        List<String> newWindow = new ArrayList<>(List.of("new-window", "-d", "-P", "-F", "#{window_id} #{pane_id} #{pane_pid}",
                "-n", CommandChain.formatLiteral(launch.overflowWindow()), "-t", session + ":", "-c", CommandChain.formatLiteral(launch.cwd()), "--"));
        newWindow.addAll(launch.argv());
        String[] ids = tmux.check(WHAT, new CommandChain().add(newWindow).args()).firstLine().split(" ");
        if (ids.length != 3 || !PANE_ID.matcher(ids[1]).matches()) {
            throw AgentctlException.failed("tmux: " + WHAT + " failed: unexpected answer from new-window");
        }
        CommandChain mark = new CommandChain().add("set-option", "-w", "-t", ids[0], OVERFLOW_OPTION, "1");
        borderTitles(mark, ids[0]);
        if (launch.title() != null) {
            mark.add("select-pane", "-t", ids[1], "-T", CommandChain.formatLiteral(launch.title()));
        }
        tmux.check(WHAT, mark.args());
        return new Opened(ids[1], pid(ids[2]));
    }

    /**
     * Layout, split, layout again, title: one invocation. {@code window} is a target like "=ai:" or "@3".
     * A window where the new pane would get fewer than the minimum rows answers as tmux does when full.
     */
    private Result trySplit(String window, Launch launch) {
        if (launch.minHeight() > 0 && !hasRoom(window, launch.minHeight())) {
            return new Result(1, "", "no space for new pane (min_pane_height " + launch.minHeight() + ")");
        }
        String bottomRight = window + ".{bottom-right}";
        List<String> split = new ArrayList<>(List.of("split-window", "-d", "-v", "-P", "-F", "#{pane_id} #{pane_pid}",
                "-t", bottomRight, "-c", CommandChain.formatLiteral(launch.cwd()), "--"));
        split.addAll(launch.argv());
        CommandChain chain = new CommandChain()
                .add("select-layout", "-t", window, LAYOUT)
                .add(split)
                .add("select-layout", "-t", window, LAYOUT);
        if (launch.title() != null) {
            chain.add("select-pane", "-t", bottomRight, "-T", CommandChain.formatLiteral(launch.title()));
        }
        if (launch.borderTitles()) {
            borderTitles(chain, window);
        }
        Result r = tmux.run(WHAT, chain.args());
        // Once split-window printed the id the pane exists; what follows is cosmetic and must not make a
        // caller retry and start the agent twice.
        return PANE_ID.matcher(r.firstLine().split(" ")[0]).matches() ? new Result(0, r.stdout(), r.stderr()) : r;
    }

    /**
     * Whether one more pane fits with at least minHeight rows: agents share the right-hand column, so after the
     * split its k panes split the window's height, less one row each for a border or title line.
     */
    private boolean hasRoom(String window, int minHeight) {
        Result r = tmux.run(WHAT, new CommandChain().add("display-message", "-p", "-t", window,
                "#{window_height} #{window_panes}").args());
        String[] f = r.firstLine().split(" ");
        if (!r.ok() || f.length != 2) {
            return true; // let the split itself report what is wrong
        }
        try {
            int height = Integer.parseInt(f[0]);
            int agents = Math.max(1, Integer.parseInt(f[1]));
            return (height - agents) / agents >= minHeight;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Pane titles in the window's borders: fixed tmux text only, so a title shows exactly as set. */
    private static void borderTitles(CommandChain chain, String window) {
        chain.add("set-option", "-w", "-t", window, "pane-border-status", "top")
                .add("set-option", "-w", "-t", window, "pane-border-format", BORDER_FORMAT);
    }

    private static CommandChain newSession(String session, Launch launch) {
        List<String> create = new ArrayList<>(List.of("new-session", "-d", "-s", session,
                "-x", Integer.toString(NEW_SESSION_WIDTH), "-y", Integer.toString(NEW_SESSION_HEIGHT),
                "-P", "-F", "#{pane_id} #{pane_pid}", "-c", CommandChain.formatLiteral(launch.cwd()), "--"));
        create.addAll(launch.argv());
        CommandChain chain = new CommandChain().add(create);
        if (launch.title() != null) {
            chain.add("select-pane", "-t", "=" + session + ":", "-T", CommandChain.formatLiteral(launch.title()));
        }
        borderTitles(chain, "=" + session + ":");
        return chain;
    }

    /**
     * tmux runs a multi-argument command with execvp but hands a single argument to "sh -c"; so a lone
     * program is passed to sh as $0 of a fixed script, never as script text.
     */
    static List<String> paneArgv(List<String> argv) {
        if (argv.size() == 1) {
            return List.of("/bin/sh", "-c", "exec \"$0\"", argv.get(0));
        }
        return argv;
    }

    static String checkedSessionName(String session) {
        if (!SESSION_NAME.matcher(session).matches()) {
            throw AgentctlException.usage("tmux: invalid session name (letters, digits, '_' and '-' only): "
                    + TerminalText.oneLine(session, 100));
        }
        return session;
    }

    static String checkedPaneId(String pane) {
        if (!PANE_ID.matcher(pane).matches()) {
            throw AgentctlException.usage("tmux: invalid pane id (expected e.g. %3): " + TerminalText.oneLine(pane, 100));
        }
        return pane;
    }

    /** The new pane from split-window's or new-session's "-P -F '#{pane_id} #{pane_pid}'" answer. */
    private static Opened newPaneId(Result r) {
        String[] f = r.firstLine().split(" ");
        if (!PANE_ID.matcher(f[0]).matches()) {
            throw AgentctlException.failed("tmux: " + WHAT + " failed: no pane id in tmux's answer");
        }
        return new Opened(f[0], f.length > 1 ? pid(f[1]) : null);
    }

    private static Long pid(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean sessionMissing(Result r) {
        String e = r.stderr();
        // "no current target": the server is up but its last session just ended.
        return e.contains("can't find session") || e.contains("no current target") || serverMissing(r);
    }

    static boolean serverMissing(Result r) {
        String e = r.stderr();
        return e.contains("no server running") || e.contains("error connecting to")
                || e.contains("server exited unexpectedly") || e.contains("lost server");
    }

    private static boolean noRoom(Result r) {
        String e = r.stderr();
        return e.contains("no space for new pane") || e.contains("pane too small");
    }
}
