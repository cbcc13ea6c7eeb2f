package dev.agentctl.tmux;

import dev.agentctl.base.TerminalText;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import dev.agentctl.tmux.TmuxProcess.Result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.LinkOption;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place agentctl talks to tmux. Every call is an argv list (never a shell); user text is made safe
 * for tmux's argument splitter (trailing ';'), for format expansion ('#') where tmux expands, and for the
 * terminal ({@link TerminalText}). Failures throw {@code AgentctlException.failed("tmux: <what> failed: ...")}.
 */
public final class Tmux {
    /** Longest line typed or displayed, in code points. */
    public static final int TEXT_MAX = 500;
    /**
     * Gap between typed text and its Enter. Codex's TUI treats a key arriving within 120 ms of a fast burst
     * of characters as part of a paste, so an immediate Enter becomes a newline instead of a submit.
     */
    public static final Duration DEFAULT_ENTER_DELAY = Duration.ofMillis(200);
    /** How long display-message keeps a message on the status line. */
    static final int DISPLAY_MILLIS = 4000;

    private final String socket;
    private final TmuxProcess process;
    private final PaneOpener opener;
    private final Duration enterDelay;
    private final String tmuxTmpdir;

    /**
     * {@code socket}: null (or blank) = default server; contains '/' = "-S path"; else "-L name".
     * {@code env}: the caller's environment; its TMUX_TMPDIR decides where "-L" servers live, for tmux
     * and for the socket file alike.
     */
    public Tmux(String socket, Map<String, String> env) {
        this(socket, env, DEFAULT_ENTER_DELAY);
    }

    public Tmux(String socket, Map<String, String> env, Duration enterDelay) {
        this.socket = socket == null || socket.isBlank() ? null : socket;
        String tmp = env.get("TMUX_TMPDIR");
        this.tmuxTmpdir = tmp == null || tmp.isBlank() ? null : tmp;
        this.process = new TmuxProcess(socket, tmuxTmpdir);
        this.opener = new PaneOpener(process);
        this.enterDelay = Objects.requireNonNull(enterDelay, "enterDelay");
    }

    /** Whether a tmux executable is on this PATH. */
    public static boolean installed(String pathEnv) {
        return Executables.find("tmux", pathEnv, Path.of("")) != null;
    }

    /**
     * The base argv {@code ["tmux", ("-L"|"-S", socket,) ...tmuxArgs]}, taken as given: no escaping, so only
     * for fixed arguments (e.g. {@code attach -t =ai} for exec).
     */
    public List<String> command(String... tmuxArgs) {
        return process.command(List.of(tmuxArgs));
    }

    /**
     * Opens a pane running {@code spec.argv()} directly in {@code spec.cwd()}, without moving anyone's focus;
     * see {@link PaneSpec} for where. Returns the new pane's id, e.g. "%12".
     */
    public String openPane(PaneSpec spec) {
        return open(spec).id();
    }

    /** As {@link #openPane}, with the pane's process id from the same tmux call. */
    public Opened open(PaneSpec spec) {
        return opener.open(spec);
    }

    /** Shows one sanitized line on the status line of the client(s) viewing {@code target}'s session. */
    public void displayMessage(String target, String text) {
        String line = CommandChain.formatLiteral(TerminalText.oneLine(text, TEXT_MAX));
        process.check("display message", new CommandChain().add("display-message", "-t", target,
                "-d", Integer.toString(DISPLAY_MILLIS), "--", line).args());
    }

    /**
     * Types one sanitized line into {@code target} as literal keys, then presses Enter as a separate
     * send-keys after {@link #DEFAULT_ENTER_DELAY} (or the delay given to the constructor).
     */
    public void typeLine(String target, String text) {
        String line = TerminalText.oneLine(text, TEXT_MAX);
        if (!line.isEmpty()) {
            process.check("type line", new CommandChain().add("send-keys", "-t", target, "-l", "--", line).args());
            pause(enterDelay);
        }
        process.check("type line", new CommandChain().add("send-keys", "-t", target, "Enter").args());
    }

    /** Whether a pane with this id (like "%12") exists on the server; false when no server runs. */
    public boolean paneExists(String paneId) {
        if (paneId == null || !PaneOpener.PANE_ID.matcher(paneId).matches()) {
            return false;
        }
        Result r = process.run("check pane", new CommandChain()
                .add("display-message", "-p", "-t", paneId, "#{pane_id}").args());
        if (r.ok()) {
            return r.firstLine().equals(paneId);
        }
        if (r.stderr().contains("can't find pane") || PaneOpener.serverMissing(r)) {
            return false;
        }
        throw TmuxProcess.failure("check pane", r);
    }

    /** Sets a pane's title (shown in its border where border titles are on); sanitized, '#' kept literal. */
    public void setPaneTitle(String paneId, String title) {
        process.check("set pane title", new CommandChain().add("select-pane", "-t", PaneOpener.checkedPaneId(paneId),
                "-T", CommandChain.formatLiteral(TerminalText.oneLine(title, PaneOpener.TITLE_MAX))).args());
    }

    /**
     * Has the tmux server close the pane after {@code seconds}, with no process of ours waiting meanwhile;
     * nothing happens if it is gone by then (pane ids are never reused within a server).
     */
    public void closePaneAfter(String paneId, long seconds) {
        String pane = PaneOpener.checkedPaneId(paneId);
        process.check("schedule pane close", new CommandChain().add("run-shell", "-b", "-d", Long.toString(Math.max(0, seconds)),
                "-C", "kill-pane -t " + pane).args());
    }

    /**
     * From inside a client of this server: shows {@code paneId} in that client (its session, window and pane).
     * tmux finds the client from $TMUX, so this server must be the one the caller sits in.
     */
    public void switchClientTo(String paneId) {
        String pane = PaneOpener.checkedPaneId(paneId);
        process.checkAsClient("switch client", new CommandChain().add("select-window", "-t", pane)
                .add("select-pane", "-t", pane).add("switch-client", "-t", pane).args());
    }

    /**
     * Attaches this terminal to the session of {@code paneId} with that pane selected, as a child that shares
     * our stdin/stdout/stderr (a JVM cannot exec); returns tmux's exit code when the client detaches.
     */
    public int attachTo(String paneId) {
        String pane = PaneOpener.checkedPaneId(paneId);
        return process.interactive(new CommandChain().add("select-window", "-t", pane).add("select-pane", "-t", pane)
                .add("attach-session", "-t", pane).args());
    }

    /**
     * Whether a $TMUX value ("socket-path,pid,session") names this server, i.e. the caller sits in one of
     * its clients; false for null or another server.
     */
    public boolean isServerOf(String tmuxEnv) {
        if (tmuxEnv == null || tmuxEnv.isBlank()) return false;
        int comma = tmuxEnv.indexOf(',');
        Path callers = Path.of(comma < 0 ? tmuxEnv : tmuxEnv.substring(0, comma));
        Path ours = socket == null ? socketFileNamed("default") : socketFile();
        try {
            return ours != null && Files.isSameFile(callers, ours);
        } catch (IOException | RuntimeException e) {
            return callers.equals(ours);
        }
    }

    /** The visible text of {@code target}, lines joined by '\n'. */
    public String capturePane(String target) {
        return process.check("capture pane", new CommandChain().add("capture-pane", "-p", "-t", target).args()).stdout();
    }

    /**
     * Expands a tmux format in {@code target}'s context ({@code display-message -p}); the format is tmux
     * syntax, so never pass user text here.
     */
    public String query(String target, String format) {
        return process.check("query", new CommandChain().add("display-message", "-p", "-t", target, format).args())
                .firstLine();
    }

    /** Whether a session with exactly this name exists; false when no server runs. */
    public boolean hasSession(String name) {
        Result r = process.run("check session", new CommandChain().add("has-session", "-t", "=" + name).args());
        if (r.ok()) {
            return true;
        }
        if (PaneOpener.sessionMissing(r)) {
            return false;
        }
        throw TmuxProcess.failure("check session", r);
    }

    /** tmux's version, e.g. "3.3a". */
    public String version() {
        Result r = process.check("version", List.of("-V"));
        String line = r.firstLine();
        int space = line.indexOf(' ');
        String version = space < 0 ? "" : line.substring(space + 1).strip();
        if (!line.startsWith("tmux ") || version.isEmpty()) {
            throw AgentctlException.failed("tmux: version failed: unexpected answer: " + TerminalText.oneLine(line, 100));
        }
        return version;
    }

    /** Stops the server and every pane in it; nothing to do when none runs. */
    /**
     * Ends the server. tmux (3.3 at least) leaves the socket file of a server that ended behind: for a
     * private socket (-L or -S) that file is removed too; the default server's is left alone.
     */
    public void killServer() {
        Result r = process.run("kill server", List.of("kill-server"));
        if (!r.ok() && !PaneOpener.serverMissing(r)) {
            throw TmuxProcess.failure("kill server", r);
        }
        Path file = socketFile();
        if (file == null) return;
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock")); // some versions leave one
        } catch (IOException | RuntimeException e) {
            // a stale socket file harms nothing
        }
    }

    /** Where a private server's socket lives: the -S path, or $TMUX_TMPDIR (else /tmp)/tmux-UID/NAME. */
    private Path socketFile() {
        if (socket == null) return null;
        if (socket.contains("/")) return Path.of(socket);
        return socketFileNamed(socket);
    }

    private Path socketFileNamed(String name) {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Path.of(tmuxTmpdir == null ? "/tmp" : tmuxTmpdir, "tmux-" + uid, name);
        } catch (IOException | RuntimeException e) {
            return null; // no /proc (not Linux): leave the file
        }
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentctlException.failed("tmux: type line failed: interrupted");
        }
    }
}
