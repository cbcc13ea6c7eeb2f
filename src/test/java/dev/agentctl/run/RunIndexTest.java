package dev.agentctl.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list through the run index must print exactly what reading every meta.json prints. */
class RunIndexTest {
    @TempDir Path home;
    private Path index;

    @BeforeEach
    void runs() {
        index = home.resolve("runs").resolve(RunIndex.FILE);
        RunFixtures.write(home, "20260101-000000-aaaaaa", "2026-01-01T00:00:00Z", "finished", "succeeded", "alpha");
        rewrite("20260101-000000-aaaaaa", m -> RawMeta.of(m).put("title", "tabs\tand\nnewlines ✅").put("parent_run_id", "20251231-000000-ffffff")
                .put("stalled", true).put("exit_code", 0).put("goal_met", true).put("summary", "long text not in the index"));
        RunFixtures.write(home, "20260103-000000-cccccc", "2026-01-03T00:00:00Z", "finished", "failed", "beta");
        RunFixtures.write(home, "20260102-000000-bbbbbb", "2026-01-02T00:00:00Z", "finished", "goal_not_met", "alpha");
        // Queued a moment ago: unfinished, so never indexed, and not yet lost.
        RunFixtures.write(home, "20260104-000000-dddddd", Instant.now().toString(), "queued", null, "alpha");
    }

    private void rewrite(String id, java.util.function.Consumer<RunMeta> change) {
        RunStore store = new RunStore(new Workspace(home));
        RunMeta m = store.read(RunId.of(id));
        change.accept(m);
        store.write(m);
    }

    /** What list printed before the index: every meta.json read. */
    private String withoutIndex(String... args) throws Exception {
        Files.deleteIfExists(index);
        return list(args);
    }

    /** Lines of the index that are entries (not the header or a checkpoint). */
    private long entries() throws java.io.IOException {
        return Files.readAllLines(index).stream().filter(l -> l.startsWith("{\"id\"")).count();
    }

    private String entryLines() throws java.io.IOException {
        return String.join("\n", Files.readAllLines(index).stream().filter(l -> l.startsWith("{\"id\"")).toList());
    }

    private String list(String... args) {
        List<String> argv = new ArrayList<>(List.of("list"));
        argv.addAll(List.of(args));
        CliRun r = CliRun.run(home, argv.toArray(new String[0]));
        assertEquals(0, r.exit, r.toString());
        return r.out + "\nstderr:\n" + r.err;
    }

    @Test
    void theIndexedListIsTheListOfEveryMeta() throws Exception {
        for (String[] args : new String[][] {{}, {"--project", "alpha"}, {"--status", "finished", "--limit", "2"},
                {"--status", "queued"}, {"--status", "failed"}}) {
            String expected = withoutIndex(args);
            assertTrue(Files.exists(index), "list writes the index");
            assertEquals(expected, list(args), "from the index: " + String.join(" ", args));
            assertEquals(expected, list(args), "again");
        }
        CliRun terminal = CliRun.run(home, home, null, true, "list");
        Files.deleteIfExists(index);
        assertEquals(terminal.out, CliRun.run(home, home, null, true, "list").out, "aligned table");
    }

    @Test
    void keepsOnlyFinishedRunsAndOnlyTheTablesFields() throws Exception {
        list();
        List<String> lines = Files.readAllLines(index);
        assertEquals(3, entries(), "the three finished runs: " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"checkpoint\""), "a checkpoint last: " + lines);
        assertFalse(entryLines().contains("20260104-000000-dddddd"), "unfinished: not an entry");
        assertTrue(lines.get(lines.size() - 1).contains("\"pending\":[\"20260104-000000-dddddd\"]"), "but pending");
        assertFalse(String.join("\n", lines).contains("long text not in the index"));
        assertEquals("[rw-------]", "[" + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(index)) + "]");
    }

    @Test
    void aMetaChangedAfterIndexingIsReadAgain() throws Exception {
        list();
        rewrite("20260103-000000-cccccc", m -> RawMeta.of(m).put("title", "a new title"));
        assertTrue(list().contains("a new title"));

        Path meta = home.resolve("runs/20260102-000000-bbbbbb/meta.json");
        FileTime indexed = Files.getLastModifiedTime(meta);
        // Same size, another time.
        Files.writeString(meta, Files.readString(meta).replace("goal_not_met", "goal_not_mex"));
        Files.setLastModifiedTime(meta, FileTime.from(indexed.toInstant().plusSeconds(5)));
        assertTrue(list().contains("outcome=goal_not_mex"));
        // Same time, another size.
        indexed = Files.getLastModifiedTime(meta);
        Files.writeString(meta, Files.readString(meta).replace("goal_not_mex", "goal_not_mexx"));
        Files.setLastModifiedTime(meta, indexed);
        assertTrue(list().contains("outcome=goal_not_mexx"));
    }

    @Test
    void unfinishedRunsAreAlwaysReadFresh() throws Exception {
        assertTrue(list().contains("20260104-000000-dddddd\tqueued"));
        rewrite("20260104-000000-dddddd", m -> RawMeta.of(m).put("status", "finished").put("outcome", "killed"));
        assertTrue(list().contains("20260104-000000-dddddd\tfinished"));
        assertEquals(4, entries(), "now indexed too");
    }

    @Test
    void removedRunsLeaveListAndIndex() throws Exception {
        list();
        RunStore store = new RunStore(new Workspace(home));
        store.deleteQuietly(RunId.of("20260103-000000-cccccc"));
        assertFalse(list().contains("20260103-000000-cccccc"));
        assertFalse(Files.readString(index).contains("20260103-000000-cccccc"));
    }

    @Test
    void aDamagedOrForeignIndexIsRebuilt() throws Exception {
        String expected = withoutIndex();
        String header = Files.readAllLines(index).get(0);
        for (String damage : new String[] {"{broken", "", "{\"agentctl_run_index\":99,\"fields\":[]}\n",
                header + "\nnot json\n", header + "\n{\"id\":\"20260101-000000-aaaaaa\"}\n"}) {
            Files.writeString(index, damage);
            assertEquals(expected, list(), "after: " + damage);
            assertEquals(3, entries(), "rebuilt after: " + damage);
        }
    }

    @Test
    void corruptRunsWarnEveryTimeAndAreNotIndexed() throws Exception {
        Path bad = Files.createDirectories(home.resolve("runs/20260105-000000-eeeeee"));
        Files.writeString(bad.resolve("meta.json"), "{broken");
        for (int i = 0; i < 2; i++) {
            String out = list();
            assertTrue(out.contains("warning: skipping run 20260105-000000-eeeeee"), out);
        }
        assertFalse(entryLines().contains("eeeeee"));
    }

    @Test
    void jsonStillPrintsWholeMetas() {
        list();
        CliRun r = CliRun.run(home, "list", "--json");
        assertTrue(r.out.contains("long text not in the index"), r.out);
        assertEquals(4, Json.parseObject("{\"a\":" + r.out + "}", "out").getAsJsonArray("a").size());
    }
}
