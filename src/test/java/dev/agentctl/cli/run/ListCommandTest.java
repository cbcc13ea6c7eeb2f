package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    @TempDir Path home;

    @BeforeEach
    void runs() {
        RunFixtures.write(home, "20260101-000000-aaaaaa", "2026-01-01T00:00:00Z", "finished", "succeeded", "alpha");
        RunFixtures.write(home, "20260103-000000-cccccc", "2026-01-03T00:00:00Z", "finished", "failed", "beta");
        RunFixtures.write(home, "20260102-000000-bbbbbb", "2026-01-02T00:00:00Z", "finished", "goal_not_met", "alpha");
    }

    @Test
    void pipedOutputIsTheOriginalTabSeparatedFormatNewestFirst() {
        CliRun r = CliRun.run(home, "list");
        assertEquals(0, r.exit, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("20260103-000000-cccccc\tfinished\tproj=beta\tprofile=spark\tgoal_met=null\texit=0\tparent=\ttitle of 20260103-000000-cccccc"), lines[0]);
        assertTrue(lines[1].startsWith("20260102-000000-bbbbbb\t"));
        assertTrue(lines[2].contains("\tgoal_met=true\t"));
        assertTrue(lines[0].endsWith("\toutcome=failed"));
    }

    @Test
    void filtersAndLimit() {
        assertEquals(2, CliRun.run(home, "list", "--project", "alpha").out.split("\n").length);
        assertEquals("20260103-000000-cccccc", CliRun.run(home, "list", "--status", "failed").out.split("\t")[0]);
        assertEquals(3, CliRun.run(home, "list", "--status", "finished").out.split("\n").length);
        assertEquals(1, CliRun.run(home, "list", "--limit", "1").out.split("\n").length);
        assertEquals("", CliRun.run(home, "list", "--limit", "0").out);
    }

    @Test
    void jsonIsAnArrayOfMeta() {
        CliRun r = CliRun.run(home, "list", "--json", "--limit", "2");
        JsonArray arr = JsonParser.parseString(r.out).getAsJsonArray();
        assertEquals(2, arr.size());
        assertEquals("20260103-000000-cccccc", arr.get(0).getAsJsonObject().get("run_id").getAsString());
    }

    @Test
    void terminalOutputIsAnAlignedTable() {
        CliRun r = CliRun.run(home, home, null, true, "list");
        String[] lines = r.out.split("\n");
        assertTrue(lines[0].startsWith("RUN"), r.out);
        int col = lines[0].indexOf("STATUS");
        assertTrue(Arrays.stream(lines).skip(1).allMatch(l -> l.substring(col).startsWith("finished")), r.out);
    }

    @Test
    void corruptMetaIsSkippedWithAWarning() throws Exception {
        Path bad = Files.createDirectories(home.resolve("runs/20260104-000000-dddddd"));
        Files.writeString(bad.resolve("meta.json"), "{broken");
        CliRun r = CliRun.run(home, "list");
        assertEquals(0, r.exit);
        assertEquals(3, r.out.split("\n").length);
        assertTrue(r.err.contains("20260104-000000-dddddd") && r.err.contains("meta.json"), r.err);
    }

    /** Values from a project directory's name or a hand-edited meta must not add lines, fields or escapes. */
    @Test
    void hostileValuesStayInTheirCellOnOneLine() throws Exception {
        String evil = "p\nq\tr\u001b[2J\u001b]0;t\u0007s";
        RunFixtures.write(home, "20260105-000000-eeeeee", "2026-01-05T00:00:00Z", "finished", "succeeded", evil);
        for (boolean terminal : new boolean[] {false, true}) {
            CliRun r = CliRun.run(home, home, null, terminal, "list");
            assertEquals(0, r.exit, r.toString());
            String[] lines = r.out.split("\n");
            assertEquals(terminal ? 5 : 4, lines.length, r.out);
            assertFalse(r.out.contains("\u001b"), r.out);
            if (!terminal) assertEquals(9, lines[0].split("\t", -1).length, lines[0]);
            assertTrue(lines[terminal ? 1 : 0].contains("p q rs"), lines[0]);
        }
    }

    @Test
    void projectsPrintsOneLinePerProjectWhateverItsPath() throws Exception {
        Path dir = Files.createDirectories(home.resolve("dir\nwith\ttab\u001b[31m"));
        assertEquals(0, CliRun.run(home, "add-project", "odd", dir.toString()).exit);
        CliRun r = CliRun.run(home, "projects");
        assertEquals(1, r.out.split("\n").length, r.out);
        assertEquals(3, r.out.strip().split("\t").length, r.out);
        assertFalse(r.out.contains("\u001b"), r.out);
    }

    @Test
    void errorsQuotingValuesAreOneSafeLine() {
        CliRun r = CliRun.run(home, "show", "abc\u001b[31mdef");
        assertEquals(2, r.exit);
        r = CliRun.run(home, "list", "--project", "x", "--status", "bad\nstatus\u001b]0;t\u0007");
        assertEquals(2, r.exit);
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        assertFalse(r.err.contains("\u001b"), r.err);
    }

    @Test
    void unknownStatusIsAUsageError() {
        CliRun r = CliRun.run(home, "list", "--status", "bogus");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("bogus"), r.err);
    }
}
