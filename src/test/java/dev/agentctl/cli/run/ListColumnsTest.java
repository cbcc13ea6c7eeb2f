package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list for a person: age, duration and diff size, no null; an empty list says so on stderr only. */
class ListColumnsTest {
    @TempDir Path home;

    @Test
    void aTerminalGetsAgeTookAndDiffAndNoNull() {
        Instant now = Instant.now();
        RunMeta done = RunFixtures.write(home, "20260101-000000-aaaaaa", now.minus(Duration.ofHours(2)).toString(),
                "finished", "succeeded", "alpha");
        RawMeta.of(done).put("duration_s", 83.4).put("git_diff_stat", " a.txt | 5 +++--\n 1 file changed, 3 insertions(+), 2 deletions(-)\n");
        RunMeta running = RunFixtures.write(home, "20260101-000001-bbbbbb", now.minus(Duration.ofSeconds(30)).toString(),
                "running", null, "beta");
        var self = dev.agentctl.proc.ProcessIdentity.current(); // a live "supervisor": the run stays running
        RawMeta.of(running).put("started_at", now.minus(Duration.ofSeconds(20)).toString()).put("supervisor_pid", self.pid())
                .put("supervisor_started_at_ms", self.startedAtMillis());
        RunStore store = new RunStore(new Workspace(home));
        store.write(done);
        store.write(running);
        CliRun r = CliRun.run(home, home, null, true, "list");
        assertEquals(0, r.exit, r.toString());
        String[] lines = r.out.split("\n");
        assertTrue(lines[0].matches("RUN +STATUS +OUTCOME +PROJECT +PROFILE +GOAL +EXIT +AGE +TOOK +DIFF +BRANCH +TITLE"), lines[0]);
        assertFalse(r.out.contains("null"), r.out);
        assertTrue(lines[1].matches(".*running +- +beta +spark +- +- +\\d\\ds +\\d\\ds… +- +- +title.*"), lines[1]);
        assertTrue(lines[2].matches(".*succeeded +alpha +spark +yes +0 +2h +1m23s +\\+3/-2 +- +title.*"), lines[2]);
    }

    @Test
    void anEmptyListSaysSoOnStderrOnly() {
        CliRun piped = CliRun.run(home, "list");
        assertEquals(0, piped.exit);
        assertEquals("", piped.out);
        assertTrue(piped.err.contains("no runs"), piped.err);
        CliRun json = CliRun.run(home, "list", "--json");
        assertEquals("[]\n", json.out);
    }

    @Test
    void columnFormats() {
        assertEquals("-", RunColumns.diff(null));
        assertEquals("0", RunColumns.diff(""));
        assertEquals("+1/-0", RunColumns.diff(" 1 file changed, 1 insertion(+)"));
        assertEquals("+0/-4", RunColumns.diff(" 1 file changed, 4 deletions(-)"));
        assertEquals("59s", RunColumns.shortDuration(Duration.ofSeconds(59)));
        assertEquals("5m", RunColumns.shortDuration(Duration.ofMinutes(5)));
        assertEquals("45m", RunColumns.shortDuration(Duration.ofSeconds(45 * 60 + 7)));
        assertEquals("3d", RunColumns.shortDuration(Duration.ofDays(3)));
    }

    @Test
    void projectsHasAHeaderOnATerminal() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(home.resolve("p"));
        assertEquals(0, CliRun.run(home, "add-project", "myapp", dir.toString()).exit);
        CliRun r = CliRun.run(home, home, null, true, "projects");
        assertTrue(r.out.startsWith("NAME   PROFILE  PATH\nmyapp  -        "), r.out);
        CliRun piped = CliRun.run(home, "projects");
        assertTrue(piped.out.startsWith("myapp\t-\t"), piped.out);
    }
}
