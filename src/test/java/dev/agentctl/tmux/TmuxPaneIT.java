package dev.agentctl.tmux;

import dev.agentctl.testing.PrivateTmux;
import dev.agentctl.testing.PrivateTmuxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.agentctl.testing.PrivateTmux.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** openPane against a real tmux on a private socket. */
class TmuxPaneIT extends PrivateTmuxTest {
    /** Arguments a shell or tmux would love to interpret; each must reach the program unchanged. */
    static final List<String> WEIRD = List.of("$(touch MARKER)", "`touch MARKER`", "'single'", "\"double\"",
            ";", "a;", "x\\;", "\\", "b\\", ";;", " ;", "#{pane_id}", "##", "#(touch MARKER)", "-t", "--", "",
            "  spaced  ", "*", "$HOME", "{", "}", "é ✓", "a\tb");

    @Test
    void createsTheMissingSessionDetachedAndRunsArgvLiterally() throws IOException {
        assertFalse(tmux.hasSession("ai"));
        Path out = dir.resolve("args.txt");
        List<String> argv = new ArrayList<>(List.of(argDumper().toString(), out.toString()));
        argv.addAll(WEIRD);

        String pane = tmux.openPane(new PaneSpec(null, null, dir, argv, "first #{pane_id} #(touch MARKER) t;"));

        assertTrue(tmux.hasSession("ai"));
        assertEquals("0", server.query("=ai:", "#{session_attached}"));
        assertEquals("220x50", server.query("=ai:", "#{window_width}x#{window_height}"));
        assertEquals(WEIRD, readWhenWritten(out));
        assertEquals("first #{pane_id} #(touch MARKER) t;", server.query(pane, "#{pane_title}"));
        assertFalse(Files.exists(dir.resolve("MARKER")), "a shell or tmux interpreted an argument");
    }

    @Test
    void createsTheMissingSessionOnARunningServer() {
        server.newSession("ai-other", 80, 20, "sleep", "600"); // a prefix match must not count as "ai"
        String pane = tmux.openPane(new PaneSpec("ai", null, dir, List.of("sleep", "600"), "fresh"));
        assertEquals("ai", server.query(pane, "#{session_name}"));
        assertEquals("fresh", server.query(pane, "#{pane_title}"));
        assertEquals(1, server.panes("=ai-other", "#{pane_id}").size());
    }

    @Test
    void splitsAnExistingSessionWithArgvAndTitleIntact() throws IOException {
        server.newSession("ai", 200, 50, "sleep", "600");
        Path out = dir.resolve("args.txt");
        List<String> argv = new ArrayList<>(List.of(argDumper().toString(), out.toString()));
        argv.addAll(WEIRD);

        String pane = tmux.openPane(new PaneSpec("ai", null, dir, argv, "t;#{pane_id}\u001b[31m\nx#(touch MARKER)"));

        assertEquals(WEIRD, readWhenWritten(out));
        assertEquals("t;#{pane_id} x#(touch MARKER)", server.query(pane, "#{pane_title}"));
        assertFalse(Files.exists(dir.resolve("MARKER")), "a shell or tmux interpreted an argument");
    }

    @Test
    void fivePanesGetDistinctIdsInAReadableLayoutWithoutMovingFocus() {
        String orchestrator = server.newSession("ai", 200, 50, "sleep", "600");
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            String pane = tmux.openPane(new PaneSpec("ai", null, dir, List.of("sleep", "600"), "agent " + i));
            assertTrue(pane.matches("%[0-9]+"), pane);
            assertTrue(ids.add(pane), "duplicate id " + pane);
            assertEquals("agent " + i, server.query(pane, "#{pane_title}"));
            assertTrue(tmux.paneExists(pane));
        }
        List<String> panes = server.panes("=ai", "#{pane_id} #{pane_left} #{window_id}");
        assertEquals(6, panes.size(), "all in one window: " + panes);
        assertEquals(orchestrator + " 0", panes.get(0).substring(0, panes.get(0).lastIndexOf(' ')));
        String rightColumn = panes.get(1).split(" ")[1];
        assertNotEquals("0", rightColumn);
        for (String p : panes.subList(1, 6)) {
            assertEquals(rightColumn, p.split(" ")[1], "agents stacked on the right: " + panes);
        }
        assertEquals("1", server.query(orchestrator, "#{pane_active}"));
    }

    @Test
    void cwdIsHonouredEvenWithFormatAndSeparatorCharacters() throws IOException {
        Path odd = Files.createDirectories(dir.resolve("d #{pane_id}#(touch MARKER) x;"));
        Path out = dir.resolve("pwd.txt");
        String script = "pwd > \"$0.tmp\" && mv \"$0.tmp\" \"$0\" && exec sleep 600";

        String first = tmux.openPane(new PaneSpec("ai", null, odd, List.of("sh", "-c", script, out.toString()), null));
        assertEquals(List.of(odd.toString()), readWhenWritten(out));
        assertEquals(odd.toString(), await("pane_current_path", () -> server.query(first, "#{pane_current_path}"),
                odd.toString()::equals));

        Files.delete(out);
        String second = tmux.openPane(new PaneSpec("ai", null, odd, List.of("sh", "-c", script, out.toString()), null));
        assertEquals(List.of(odd.toString()), readWhenWritten(out));
        assertEquals(odd.toString(), await("pane_current_path", () -> server.query(second, "#{pane_current_path}"),
                odd.toString()::equals));
        assertFalse(Files.exists(dir.resolve("MARKER")));
        assertFalse(Files.exists(odd.resolve("MARKER")));
    }

    @Test
    void aLoneProgramRunsWithoutAShell() throws IOException {
        Path out = dir.resolve("ran.txt");
        Path program = dir.resolve("my prog;$(touch MARKER)");
        Files.writeString(program, "#!/bin/sh\necho ran > '" + out + "'\nexec sleep 600\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));

        tmux.openPane(new PaneSpec("ai", null, dir, List.of(program.toString()), null));
        tmux.openPane(new PaneSpec("ai", null, dir, List.of(program.toString()), null));

        assertEquals(List.of("ran"), readWhenWritten(out));
        assertFalse(Files.exists(dir.resolve("MARKER")));
    }

    @Test
    void opensInTheCallersWindowEvenWhenItIsNotTheCurrentOne() {
        String caller = server.newSession("work", 200, 50, "sleep", "600");
        String callerWindow = server.query(caller, "#{window_id}");
        server.run("new-window", "-t", "=work:", "--", "sleep", "600"); // now the session's current window

        String pane = tmux.openPane(new PaneSpec(null, caller, dir, List.of("sleep", "600"), "beside"));

        assertEquals(callerWindow, server.query(pane, "#{window_id}"));
        assertEquals("beside", server.query(pane, "#{pane_title}"));
        assertEquals("1", server.query(caller, "#{pane_active}"));
        assertEquals("0", server.query(caller, "#{window_active}"), "current window must not change");
        assertFalse(tmux.hasSession("ai"));
    }

    @Test
    void aFullWindowOverflowsIntoANewWindowThatLaterPanesShare() {
        String orchestrator = server.newSession("tiny", 60, 8, "sleep", "600");
        String firstWindow = server.query(orchestrator, "#{window_id}");
        String overflow = null;
        for (int i = 0; i < 10 && overflow == null; i++) {
            String pane = tmux.openPane(new PaneSpec("tiny", null, dir, List.of("sleep", "600"), "p" + i));
            String window = server.query(pane, "#{window_id}");
            if (!window.equals(firstWindow)) {
                overflow = window;
                assertEquals("p" + i, server.query(pane, "#{pane_title}"));
            }
        }
        assertTrue(overflow != null, "never ran out of room: " + server.panes("=tiny", "#{pane_id} #{pane_height}"));
        assertEquals(firstWindow, server.query("=tiny:", "#{window_id}"), "current window must not change");
        assertEquals("1", server.query(orchestrator, "#{pane_active}"));

        String next = tmux.openPane(new PaneSpec("tiny", null, dir, List.of("sleep", "600"), null));
        assertEquals(overflow, server.query(next, "#{window_id}"));
        assertEquals(2, server.run("list-windows", "-t", "=tiny").strip().split("\n").length);
    }

    @Test
    void parallelOpensShareOneNewSessionAndKeepTheirTitles() throws Exception {
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String title = "agent " + i;
                opened.add(pool.submit(() -> {
                    go.await();
                    return tmux.openPane(new PaneSpec(null, null, dir, List.of("sleep", "600"), title));
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String id = opened.get(i).get(PrivateTmux.DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                ids.add(id);
                assertEquals("agent " + i, server.query(id, "#{pane_title}"), "each title on its own pane");
            }
            assertEquals(n, ids.size());
            assertEquals("ai", server.run("list-sessions", "-F", "#{session_name}").strip());
            assertEquals(ids, new HashSet<>(server.panes("=ai", "#{pane_id}")));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A script that writes its arguments after the first, one per line, to the file named first, then idles. */
    private Path argDumper() throws IOException {
        Path script = dir.resolve("argdump.sh");
        Files.writeString(script, "#!/bin/sh\nout=$1; shift\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$out.tmp\" && mv \"$out.tmp\" \"$out\"\n"
                + "exec sleep 600\n"); // the pane (and a session that is only this pane) stays for queries
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static List<String> readWhenWritten(Path file) {
        // The shell creates the file before it writes the line: wait for the whole line, not just the file.
        await(file + " to be written", () -> {
            try {
                return Files.exists(file) && Files.readString(file).endsWith("\n");
            } catch (IOException e) {
                return false;
            }
        }, Boolean::booleanValue);
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
