package dev.agentctl.tmux;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.testing.PrivateTmux;
import dev.agentctl.testing.PrivateTmuxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.agentctl.testing.PrivateTmux.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typing, messages and queries against a real tmux on a private socket. */
class TmuxIT extends PrivateTmuxTest {
    @Test
    void typeLineArrivesStrippedAndIsSubmitted() {
        // cat echoes the typed line (tty echo) and prints it again only once Enter was pressed.
        String pane = server.newSession("ai", 120, 20, "cat");
        String expected = "-R hello red world; #{pane_id} C-c Enter";

        tmux.typeLine(pane, "-R hello \u001b[31mred\u001b[0m\r\nworld; #{pane_id} C-c Enter");

        await("the line echoed and printed by cat", () -> tmux.capturePane(pane),
                text -> text.split(java.util.regex.Pattern.quote(expected), -1).length - 1 == 2);
        assertTrue(tmux.paneExists(pane), "C-c must have been typed as text, not pressed");
    }

    @Test
    void typeLineWaitsBeforeEnter() {
        String pane = server.newSession("ai", 120, 20, "cat");
        Tmux slow = new Tmux(server.socket(), System.getenv(), Duration.ofMillis(300));
        long start = System.nanoTime();
        slow.typeLine(pane, "x");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void displayMessageShowsTheLineLiterallyToTheViewingClient() {
        String pane = server.newSession("ai", 120, 20, "sleep", "600");
        attachViewer("=ai");
        Path marker = dir.resolve("MARKER");

        tmux.displayMessage(pane, "-p done #{pane_id} #(touch " + marker + ")\n\u001b]2;x\u0007 end;");
        // The control: the same kind of text sent raw is expanded, so the check below can tell.
        server.run("display-message", "-t", pane, "raw #{pane_id}");

        await("both messages in the server's message log", this::shownMessages,
                shown -> shown.contains("raw " + pane));
        assertTrue(shownMessages().contains("-p done #{pane_id} #(touch " + marker + ")  end;"), shownMessages());
        assertFalse(Files.exists(marker));
    }

    @Test
    void paneExistsTellsLiveFromGone() {
        assertFalse(tmux.paneExists("%0"), "no server yet");
        String pane = server.newSession("ai", 80, 20, "sleep", "600");
        String other = server.run("split-window", "-d", "-P", "-F", "#{pane_id}", "-t", pane, "--", "sleep", "600").strip();
        assertTrue(tmux.paneExists(pane));
        assertTrue(tmux.paneExists(other));
        server.run("kill-pane", "-t", other);
        assertFalse(tmux.paneExists(other));
        assertFalse(tmux.paneExists("%99999"));
        assertFalse(tmux.paneExists("ai"));
        assertFalse(tmux.paneExists(null));
    }

    @Test
    void hasSessionMatchesExactNamesOnly() {
        assertFalse(tmux.hasSession("ai"), "no server yet");
        server.newSession("aix", 80, 20, "sleep", "600");
        assertFalse(tmux.hasSession("ai"));
        assertTrue(tmux.hasSession("aix"));
    }

    @Test
    void capturePaneShowsTheScreen() {
        String pane = server.newSession("ai", 80, 20, "sh", "-c", "echo visible-text; exec sleep 600");
        await("output", () -> tmux.capturePane(pane), text -> text.contains("visible-text"));
    }

    @Test
    void failuresNameTheStepAndTmuxsComplaint() {
        server.newSession("ai", 80, 20, "sleep", "600");
        AgentctlException e = assertThrows(AgentctlException.class, () -> tmux.capturePane("%99999"));
        assertEquals("tmux: capture pane failed: can't find pane: %99999", e.getMessage());
        AgentctlException gone = assertThrows(AgentctlException.class,
                () -> tmux.openPane(new PaneSpec(null, "%99999", dir, List.of("true", "x"), null)));
        assertEquals("tmux: open pane failed: can't find pane: %99999", gone.getMessage());
        assertEquals(1, server.panes("=ai", "#{pane_id}").size(), "nothing opened elsewhere");
    }

    /** A real client (a tmux client running in a pane of its own session) viewing {@code session}. */
    private void attachViewer(String session) {
        server.newSession("viewer", 120, 20, "env", "-u", "TMUX", "TERM=xterm-256color",
                "tmux", "-L", server.socket(), "attach", "-t", session);
        await("the viewer to attach", () -> server.run("list-clients", "-F", "#{client_session}"),
                clients -> clients.contains("ai"));
    }

    /** What tmux showed on clients' status lines, from its message log. */
    private String shownMessages() {
        StringBuilder shown = new StringBuilder();
        for (String line : server.run("show-messages").split("\n")) {
            int at = line.indexOf(" message: ");
            if (at >= 0) {
                shown.append(line.substring(at + " message: ".length())).append('\n');
            }
        }
        return shown.toString();
    }

    @Test
    void versionIsTmuxs() {
        assertTrue(tmux.version().matches("(next-)?[0-9]+\\.[0-9]+[a-z]?"), tmux.version());
    }

    @Test
    void killServerEndsEverythingAndIsQuietWithoutAServer() {
        String pane = server.newSession("ai", 80, 20, "sleep", "600");
        tmux.killServer();
        assertFalse(tmux.paneExists(pane));
        assertFalse(tmux.hasSession("ai"));
        tmux.killServer();
    }
}
