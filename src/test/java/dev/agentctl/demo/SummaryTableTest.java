package dev.agentctl.demo;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void diffStatShortFormCountsFilesInsertionsAndDeletions() {
        assertEquals("2 files, +4 -0", SummaryTable.diffShort(" README.md | 2 ++\n greet.py  | 2 ++\n 2 files changed, 4 insertions(+)"));
        assertEquals("1 file, +1 -3", SummaryTable.diffShort(" a | 4 +---\n 1 file changed, 1 insertion(+), 3 deletions(-)"));
        assertEquals("1 file, +0 -1", SummaryTable.diffShort(" a | 1 -\n 1 file changed, 1 deletion(-)"));
        assertEquals("no changes", SummaryTable.diffShort(""));
        assertEquals("-", SummaryTable.diffShort(null));
        assertEquals("-", SummaryTable.diffShort("something git never prints"));
    }

    @Test
    void rendersOneAlignedRowPerRunWithTokensAndSeconds() {
        JsonObject done = Json.parseObject("{\"run_id\":\"20260101-000000-aaaaaa\",\"title\":\"add greet()\","
                + "\"outcome\":\"succeeded\",\"git_diff_stat\":\" a | 1 +\\n 1 file changed, 1 insertion(+)\","
                + "\"usage\":{\"input_tokens\":200,\"cached_input_tokens\":80,\"output_tokens\":40},\"duration_s\":2.24}", "t");
        JsonObject bare = Json.parseObject("{\"run_id\":\"20260101-000000-bbbbbb\",\"title\":null,\"outcome\":\"lost\","
                + "\"git_diff_stat\":null,\"usage\":null,\"duration_s\":null}", "t");
        String table = SummaryTable.render(List.of(done, bare));
        List<String> lines = table.lines().toList();
        assertEquals(3, lines.size(), table);
        assertTrue(lines.get(0).startsWith("RUN "), table);
        assertTrue(lines.get(1).matches("20260101-000000-aaaaaa +add greet\\(\\) +succeeded +1 file, \\+1 -0 +240 +2\\.2"), lines.get(1));
        assertTrue(lines.get(2).matches("20260101-000000-bbbbbb +- +lost +- +- +-"), lines.get(2));
        // Columns line up: every row's OUTCOME starts where the header's does.
        int col = lines.get(0).indexOf("OUTCOME");
        assertEquals("succeeded", lines.get(1).substring(col, col + 9));
    }

    @Test
    void demoDirectoryGoesToTheUsersCacheNotTmp() {
        assertEquals(Path.of("/x/cache/agentctl"), DemoPlace.cacheRoot(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/agentctl"), DemoPlace.cacheRoot(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.cache/agentctl"), DemoPlace.cacheRoot(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
    }
}
