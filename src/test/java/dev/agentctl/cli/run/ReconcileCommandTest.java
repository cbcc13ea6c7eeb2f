package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunState;
import dev.agentctl.run.RunStore;
import dev.agentctl.run.SyntheticRuns;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reconcile reads the unfinished runs the run index names, never a finished run's meta.json, and still
 * finds a run that the record of unfinished runs lacks (a start or a supervisor that died mid-way).
 */
class ReconcileCommandTest {
    @TempDir Path home;
    private RunStore store;
    private List<RunId> finished;

    @BeforeEach
    void history() {
        store = new RunStore(new Workspace(home).ensure());
        // The history ends an hour ago: a run generated in the same second as the newest indexed one may sort
        // before it (random part), which makes the index rebuild (correct, not cheap) and is not what this tests.
        finished = new SyntheticRuns(store).make(40, RunState.FINISHED, null, List.of("p"), Duration.ofMinutes(5),
                java.time.Instant.now().minus(Duration.ofHours(1)));
    }

    /** A running run whose supervisor is dead (a process that has exited), written behind the record's back. */
    private RunId orphan(RunId id) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long startedAt = p.info().startInstant().map(i -> i.toEpochMilli()).orElse(1L);
        RunMeta template = store.read(finished.get(0)).copy();
        store.createDir(id);
        store.write(RawMeta.of(template).put("run_id", id.value()).put("status", "running").put("outcome", (String) null)
                .put("ended_at", (String) null).put("created_at", java.time.Instant.now().toString())
                .put("supervisor_pid", p.pid()).put("supervisor_started_at_ms", startedAt).meta());
        return id;
    }

    @Test
    void aRunMissingFromTheRecordIsFoundWithoutReadingFinishedRuns() throws Exception {
        assertEquals(0, CliRun.run(home, "list").exit); // builds the index
        assertEquals(0, CliRun.run(home, "list").exit); // and confirms its checkpoint
        Files.deleteIfExists(home.resolve("runs/.active.json"));
        RunId generated = orphan(RunId.generate()); // found by its new id after the checkpoint
        RunId byHand = orphan(RunId.of("by-hand-run")); // an id apart from generated ones: the index is rebuilt
        CliRun r = CliRun.run(home, "reconcile");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains(generated + ": running -> lost"), r.toString());
        assertTrue(r.out.contains(byHand + ": running -> lost"), r.toString());
        assertEquals("lost", store.read(generated).outcome());
        assertEquals("lost", store.read(byHand).outcome());
    }

    @Test
    void reconcileReadsNoFinishedRunsMetaOnceIndexed() throws Exception {
        assertEquals(0, CliRun.run(home, "list").exit);
        assertEquals(0, CliRun.run(home, "list").exit);
        Files.writeString(store.metaFile(finished.get(3)), "not json");
        RunId id = orphan(RunId.generate());
        CliRun r = CliRun.run(home, "reconcile");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains(id + ": running -> lost"), r.toString());
        assertFalse(r.err.contains(finished.get(3).value()), "the damaged finished run was not read: " + r);
        // list reads the entries it shows, and notices the damage there.
        CliRun list = CliRun.run(home, "list", "--limit", "1000");
        assertTrue(list.err.contains("skipping run " + finished.get(3)), list.toString());
    }
}
