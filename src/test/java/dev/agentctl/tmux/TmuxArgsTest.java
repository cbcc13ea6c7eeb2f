package dev.agentctl.tmux;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.ExitCodes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The argv tmux gets, without running it. */
class TmuxArgsTest {
    @Test
    void commandNamesTheSocket() {
        assertEquals(List.of("tmux", "ls"), new Tmux(null, Map.of()).command("ls"));
        assertEquals(List.of("tmux", "ls"), new Tmux(" ", Map.of()).command("ls"));
        assertEquals(List.of("tmux", "-L", "agentctl", "ls"), new Tmux("agentctl", Map.of()).command("ls"));
        assertEquals(List.of("tmux", "-S", "/tmp/x/sock", "ls"), new Tmux("/tmp/x/sock", Map.of()).command("ls"));
    }

    @Test
    void trailingSemicolonIsEscapedSoTmuxRestoresIt() {
        // tmux 3.3a: an argument ending in ';' ends a command; one ending in '\;' yields the text without '\'
        assertEquals("a\\;", CommandChain.literal("a;"));
        assertEquals("\\;", CommandChain.literal(";"));
        assertEquals("x\\\\;", CommandChain.literal("x\\;"));
        assertEquals(";;\\;", CommandChain.literal(";;;"));
        assertEquals("a;b", CommandChain.literal("a;b"));
        assertEquals("", CommandChain.literal(""));
        assertEquals("b\\", CommandChain.literal("b\\"));
    }

    @Test
    void chainSeparatesCommandsAndEscapesEveryArgument() {
        List<String> args = new CommandChain().add("send-keys", "-t", "%1", "-l", "--", "ls;")
                .add("send-keys", "-t", "%1", "Enter").args();
        assertEquals(List.of("send-keys", "-t", "%1", "-l", "--", "ls\\;", ";", "send-keys", "-t", "%1", "Enter"), args);
    }

    @Test
    void formatLiteralDoublesHash() {
        assertEquals("a##{pane_id}##(touch x)####", CommandChain.formatLiteral("a#{pane_id}#(touch x)##"));
    }

    @Test
    void aLoneProgramIsNeverShellText() {
        assertEquals(List.of("/bin/sh", "-c", "exec \"$0\"", "/tmp/a b;c"), PaneOpener.paneArgv(List.of("/tmp/a b;c")));
        assertEquals(List.of("echo", "x"), PaneOpener.paneArgv(List.of("echo", "x")));
    }

    @Test
    void sessionNamesAreRestricted() {
        assertEquals("ai-2_x", PaneOpener.checkedSessionName("ai-2_x"));
        for (String bad : List.of("", "a:b", "a.b", "a#{x}", "$1", "a b", "=ai")) {
            AgentctlException e = assertThrows(AgentctlException.class, () -> PaneOpener.checkedSessionName(bad));
            assertEquals(ExitCodes.USAGE, ExitCodes.of(e.kind()));
        }
    }

    @Test
    void callerPaneMustBeAPaneId() {
        assertEquals("%12", PaneOpener.checkedPaneId("%12"));
        assertThrows(AgentctlException.class, () -> PaneOpener.checkedPaneId("ai:0.1"));
    }

    @Test
    void paneSpecRejectsEmptyArgv() {
        assertThrows(IllegalArgumentException.class, () -> new PaneSpec(null, null, Path.of("/"), List.of(), null));
    }

    @Test
    void missingDirectoryFailsBeforeTmuxRuns() {
        PaneSpec spec = new PaneSpec("ai", null, Path.of("/no/such/dir/anywhere"), List.of("true", "x"), null);
        AgentctlException e = assertThrows(AgentctlException.class, () -> new Tmux("unused-socket", Map.of()).openPane(spec));
        assertEquals(ExitCodes.FAILED, ExitCodes.of(e.kind()));
        assertEquals("tmux: open pane failed: no such directory: /no/such/dir/anywhere", e.getMessage());
    }
}
