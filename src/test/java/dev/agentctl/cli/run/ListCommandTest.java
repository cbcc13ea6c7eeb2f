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

    @Test
    void unknownStatusIsAUsageError() {
        CliRun r = CliRun.run(home, "list", "--status", "bogus");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("bogus"), r.err);
    }
}
