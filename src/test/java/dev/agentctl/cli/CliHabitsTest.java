package dev.agentctl.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggestions for typos, help that copies and pastes, -V only where it means something, completion. */
class CliHabitsTest {
    @TempDir Path home;

    @Test
    void aMistypedCommandOrOptionSuggestsTheClosest() {
        CliRun r = CliRun.run(home, "shwo", "x");
        assertEquals(2, r.exit);
        assertEquals("agentctl: unknown command 'shwo'; did you mean show? (see 'agentctl --help')\n", r.err);
        assertTrue(CliRun.run(home, "lsit").err.contains("did you mean list?"));
        CliRun o = CliRun.run(home, "list", "--jsno");
        assertEquals(2, o.exit);
        assertTrue(o.err.contains("unknown option '--jsno'; did you mean --json?"), o.err);
        assertFalse(CliRun.run(home, "zzzzzz").err.contains("did you mean"));
    }

    @Test
    void helpIsNotWrappedAt80Columns() {
        CliRun r = CliRun.run(home, "start", "--help");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("  id=$(agentctl start --project . --profile deep --prompt-file task.md --timeout 30m)\n"), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.length() > 100), "long lines stay whole");
    }

    @Test
    void versionOnlyOnTheTopCommand() {
        assertEquals(0, CliRun.run(home, "--version").exit);
        assertEquals(0, CliRun.run(home, "-V").exit);
        assertEquals(2, CliRun.run(home, "list", "-V").exit);
        assertFalse(CliRun.run(home, "list", "--help").out.contains("--version"));
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRun bash = CliRun.run(home, "completion", "bash");
        assertEquals(0, bash.exit);
        assertTrue(bash.out.contains("complete -F _complete_agentctl") || bash.out.contains("complete -F"), bash.out);
        assertTrue(bash.out.contains("start") && bash.out.contains("--notify-pane") && bash.out.contains("config"));
        CliRun zsh = CliRun.run(home, "completion", "zsh");
        assertEquals(0, zsh.exit);
        assertTrue(zsh.out.contains("bashcompinit"), "zsh loads bash compatibility");
        assertEquals(2, CliRun.run(home, "completion", "fish").exit);
    }
}
