package dev.agentctl.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run index read from its end: the newest runs without the oldest entries, in the order and
 * with the filters of reading every meta.json, and a damaged, stale or deleted index rebuilt.
 */
class RunIndexTailTest {
    private static final List<String> PROJECTS = List.of("alpha", "beta", "gamma");

    @TempDir Path home;
    private RunStore store;
    private Path index;
    private List<String> made;

    @BeforeEach
    void workspace() {
        store = new RunStore(new Workspace(home).ensure());
        index = home.resolve("runs").resolve(RunIndex.FILE);
        // An hour apart: ids and creation times in the same order, as RunId.generate makes them; the
        // newest an hour ago, so that runs a test makes now are newer whatever the machine's speed.
        made = new SyntheticRuns(store).make(120, RunState.FINISHED, null, PROJECTS, Duration.ofHours(1),
                Instant.now().minus(Duration.ofHours(1))).stream().map(RunId::value).toList();
    }

    /** The ids list prints (first column). */
    private List<String> listed(String... args) {
        List<String> argv = new ArrayList<>(List.of("list"));
        argv.addAll(Arrays.asList(args));
        CliRun r = CliRun.run(home, argv.toArray(new String[0]));
        assertEquals(0, r.exit, r.err);
        if (r.out.isEmpty()) return List.of();
        return Arrays.stream(r.out.split("\n")).map(l -> l.split("\t")[0]).collect(Collectors.toList());
    }

    /** What list must print: every meta.json read, filtered, newest first, limited. */
    private List<String> expected(String status, String project, int limit) {
        List<RunMeta> all = RunQuery.readAll(store, w -> fail(w));
        return new RunQuery(status, project, limit).select(all).stream().map(m -> m.runId().value()).collect(Collectors.toList());
    }

    private void assertListsAsEveryMeta() {
        assertEquals(expected(null, null, 30), listed(), "default list");
        assertEquals(expected(null, null, 1000), listed("--limit", "1000"));
        assertEquals(expected(null, "beta", 30), listed("--project", "beta"));
        assertEquals(expected("goal_not_met", null, 5), listed("--status", "goal_not_met", "--limit", "5"));
        assertEquals(expected("failed", "gamma", 30), listed("--status", "failed", "--project", "gamma"));
        assertEquals(expected("finished", null, 7), listed("--status", "finished", "--limit", "7"));
    }

    @Test
    void theNewestRunsInOrderWithFilters() {
        assertListsAsEveryMeta(); // the first builds the index
        assertListsAsEveryMeta(); // from the index
        assertEquals(30, listed().size(), "30 rows by default");
        assertEquals(made.get(made.size() - 1), listed().get(0), "newest first");
    }

    @Test
    void theDefaultListDoesNotReadTheOldestEntries() throws Exception {
        listed();
        listed(); // the rebuild's own rename changed runs/: this one confirms the checkpoint
        // Damage an entry far from the end: a list that read it would rebuild the index.
        List<String> lines = Files.readAllLines(index);
        int old = 5;
        assertTrue(lines.get(old).contains(made.get(old - 1)), "entries are oldest first");
        lines.set(old, "{\"id\": damaged");
        Files.write(index, lines);
        byte[] damaged = Files.readAllBytes(index);
        assertEquals(expected(null, null, 30), listed());
        assertArrayEquals(damaged, Files.readAllBytes(index), "read from its end only: the damage is not seen");
        // A filter that must look at every run does read it, and rebuilds.
        assertEquals(expected(null, "alpha", 1000), listed("--project", "alpha", "--limit", "1000"));
        assertFalse(Files.readString(index).contains("damaged"));
    }

    @Test
    void aRunThatFinishesLateIsPlacedByItsCreationTime() throws Exception {
        listed();
        // Created two hours before the newest run, changed now: its new entry comes after newer ones.
        String late = made.get(made.size() - 3);
        RunMeta m = store.read(RunId.of(late));
        store.write(RawMeta.of(m).put("outcome", "killed").meta());
        assertEquals(List.of(late), listed("--status", "killed", "--project", m.project()));
        // And one made long ago (before every other run), found last.
        String ancient = "20200101-000000-abcdef";
        store.createDir(RunId.of(ancient));
        store.write(RawMeta.of(m.copy()).put("run_id", ancient).put("created_at", "2020-01-01T00:00:00Z").meta());
        assertListsAsEveryMeta();
        assertListsAsEveryMeta();
        assertFalse(listed().contains(ancient));
        assertTrue(listed("--limit", "1000").contains(ancient));
    }

    @Test
    void newRunsAreFoundWithoutRebuildingTheIndex() throws Exception {
        listed();
        byte[] before = Files.readAllBytes(index);
        Instant now = Instant.now();
        List<String> newer = new SyntheticRuns(store).make(3, RunState.FINISHED, Outcome.KILLED, List.of("delta"), Duration.ofSeconds(1))
                .stream().map(RunId::value).toList();
        String queued = new SyntheticRuns(store).make(1, RunState.QUEUED, null, List.of("delta"), Duration.ZERO).get(0).value();
        assertTrue(store.read(RunId.of(queued)).createdAt().compareTo(now.toString()) >= 0);
        List<String> top = listed("--limit", "4");
        assertEquals(List.of(queued, newer.get(2), newer.get(1), newer.get(0)), top);
        byte[] after = Files.readAllBytes(index);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "appended to, not rewritten");
        assertTrue(new String(after, StandardCharsets.UTF_8).contains("\"pending\":[\"" + queued + "\"]"), "the queued run is pending");
        assertListsAsEveryMeta();
    }

    @Test
    void aTruncatedOrCorruptTailIsRebuilt() throws Exception {
        listed();
        for (String tail : new String[] {"{\"id\":\"20990101-000000-aaaaaa\",\"modif", "not json\n", "{\"checkpoint\":{}}\n", "\n"}) {
            Files.writeString(index, Files.readString(index) + tail);
            assertListsAsEveryMeta();
            String text = Files.readString(index);
            assertTrue(text.endsWith("\n") && text.substring(text.lastIndexOf('\n', text.length() - 2) + 1).startsWith("{\"checkpoint\""),
                    "rebuilt whole after: " + tail);
        }
    }

    @Test
    void aGroupFilterReadsOnUntilItHasTheGroupsNewestRuns() throws Exception {
        listed();
        for (int i = 0; i < made.size(); i += 10) store.write(RawMeta.of(store.read(RunId.of(made.get(i)))).put("group", "g").meta());
        for (int pass = 0; pass < 2; pass++) { // the first takes the changed runs in, the second reads the index
            List<RunMeta> all = RunQuery.readAll(store, w -> fail(w));
            List<String> expected = new RunQuery(null, null, "g", 3).select(all).stream().map(m -> m.runId().value()).toList();
            assertEquals(List.of(made.get(110), made.get(100), made.get(90)), expected);
            assertEquals(expected, listed("--group", "g", "--limit", "3"));
            assertEquals(12, listed("--group", "g").size());
        }
    }

    @Test
    void withRunsWaitingInTheQueueAListLeavesRunsAndTheIndexAsTheyWere() throws Exception {
        List<String> queued = new SyntheticRuns(store).make(5, RunState.QUEUED, null, List.of("delta"), Duration.ZERO)
                .stream().map(RunId::value).toList();
        listed();
        listed(); // takes in what the first list's own writes did to runs/
        byte[] index1 = Files.readAllBytes(index);
        long runsModified = Files.getLastModifiedTime(home.resolve("runs")).toMillis();
        byte[] record = Files.readAllBytes(home.resolve("runs").resolve(ActiveRuns.FILE));
        List<String> top = listed("--limit", "5");
        assertEquals(queued.stream().sorted(java.util.Comparator.reverseOrder()).toList(), top, "the queued runs are the newest");
        assertArrayEquals(index1, Files.readAllBytes(index), "nothing appended: runs/ was seen unchanged");
        assertEquals(runsModified, Files.getLastModifiedTime(home.resolve("runs")).toMillis(), "the queue wrote nothing");
        assertArrayEquals(record, Files.readAllBytes(home.resolve("runs").resolve(ActiveRuns.FILE)));
    }

    @Test
    void aDeletedIndexIsRebuilt() throws Exception {
        listed();
        Files.delete(index);
        assertListsAsEveryMeta();
        assertTrue(Files.exists(index));
        assertEquals(120, Files.readAllLines(index).stream().filter(l -> l.startsWith("{\"id\"")).count());
    }

    @Test
    void runDirectoriesMadeOrRemovedBehindItsBackAreNoticed() throws Exception {
        listed();
        // A hand-given id (sorts apart from generated ones) and a removed run.
        store.createDir(RunId.of("zz-by-hand"));
        store.write(RawMeta.of(store.read(RunId.of(made.get(0))).copy()).put("run_id", "zz-by-hand")
                .put("created_at", Instant.now().plusSeconds(60).toString()).meta());
        store.deleteQuietly(RunId.of(made.get(made.size() - 1)));
        assertEquals("zz-by-hand", listed().get(0));
        assertFalse(listed("--limit", "1000").contains(made.get(made.size() - 1)));
        assertFalse(Files.readString(index).contains(made.get(made.size() - 1)));
        assertListsAsEveryMeta();
    }
}
