package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.CliRun;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `internal make-runs`: made-up runs through RunMeta's transitions, for bench/run.sh and install.sh. */
class InternalCommandTest {
    @TempDir Path home;

    private List<String> make(String... args) {
        String[] argv = Stream.concat(Stream.of("internal", "make-runs"), Stream.of(args)).toArray(String[]::new);
        CliRun r = CliRun.run(home, argv);
        assertEquals(0, r.exit, r.toString());
        return List.of(r.out.split("\n"));
    }

    private RunStore store() {
        return new RunStore(new Workspace(home));
    }

    @Test
    void finishedRunsLookAsRealOnesLeaveThem() {
        List<String> ids = make("--count", "12", "--project", "a", "--project", "b", "--every", "1h");
        assertEquals(12, ids.size());
        RunMeta previous = null;
        for (int i = 0; i < ids.size(); i++) {
            RunMeta m = store().read(RunId.of(ids.get(i)));
            assertEquals(ids.get(i), m.runId().value());
            assertTrue(m.isFinished());
            assertEquals(i % 2 == 0 ? "a" : "b", m.project());
            assertNotNull(m.outcome());
            assertEquals("worktree", m.str(RunMeta.ISOLATION), "the default isolation");
            assertNotNull(m.str(RunMeta.ENDED_AT));
            assertTrue(m.json().get(RunMeta.USAGE).isJsonObject());
            if (previous != null) {
                assertTrue(previous.createdAt().compareTo(m.createdAt()) < 0, "oldest first, an hour apart");
                assertTrue(previous.runId().compareTo(m.runId()) < 0, "ids sort as their creation times");
            }
            previous = m;
        }
        assertTrue(Files.isRegularFile(store().dir(RunId.of(ids.get(0))).resolve("prompt.md")));
        CliRun list = CliRun.run(home, "list", "--limit", "3");
        assertEquals(ids.get(11), list.out.split("\t")[0], list.toString());
        assertEquals(0, CliRun.run(home, "show", ids.get(0)).exit);
    }

    @Test
    void queuedRunsWaitInTheQueueWithoutEverBeingLaunchedOrLost() throws Exception {
        List<String> ids = make("--count", "3", "--status", "queued", "--every", "0");
        String record = Files.readString(home.resolve("runs/.active.json"));
        for (String id : ids) {
            assertTrue(record.contains(id), "in the record of unfinished runs: " + record);
            assertTrue(store().read(RunId.of(id)).isWaitingInQueue());
        }
        // list and reconcile let the queue launch what may run: these wait after each other, in a loop.
        assertEquals(0, CliRun.run(home, "list").exit);
        assertEquals(0, CliRun.run(home, "reconcile").exit);
        CliRun status = CliRun.run(home, "status", "--json");
        JsonObject s = JsonParser.parseString(status.out).getAsJsonObject();
        assertEquals(3, s.get("queued").getAsInt(), status.toString());
        assertEquals(0, s.get("running").getAsInt());
        for (String id : ids) {
            RunMeta m = store().read(RunId.of(id));
            assertTrue(m.isWaitingInQueue(), id + " still waits");
            assertTrue(m.queuedReason().startsWith("after "), m.queuedReason());
        }
    }

    @Test
    void badInputIsAUsageErrorAndMakesNothing() throws Exception {
        String[][] cases = {
            {"internal", "make-things", "--count", "1"},
            {"internal", "make-runs", "--count", "0"},
            {"internal", "make-runs", "--count", "2", "--status", "running"},
            {"internal", "make-runs", "--count", "2", "--status", "bogus"},
            {"internal", "make-runs", "--count", "2", "--outcome", "splendid"},
            {"internal", "make-runs", "--count", "2", "--every", "soon"},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.run(home, args);
            assertEquals(2, r.exit, String.join(" ", args) + ": " + r);
            assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
            assertTrue(r.err.startsWith("agentctl: "), r.err);
        }
        Path runs = home.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().startsWith(".")).toList(), "no run made");
            }
        }
    }
}
