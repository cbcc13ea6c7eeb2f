package dev.agentctl.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveRunsTest {
    @TempDir Path home;
    RunStore store;
    ActiveRuns active;

    @BeforeEach
    void setUp() {
        store = new RunStore(new Workspace(home).ensure());
        active = new ActiveRuns(store);
    }

    private void run(String id, String status, String createdAt) {
        store.createDir(RunId.of(id));
        store.write(RawMeta.create().put("run_id", id).put("status", status).put("created_at", createdAt).meta());
    }

    private List<String> unfinishedIds() {
        return active.locked(active::unfinished).stream().map(m -> m.runId().value()).toList();
    }

    @Test
    void holdsUnfinishedRunsOldestFirstAndDropsThemOnceFinished() throws Exception {
        run("20260101-000002-aaaaaa", "running", "2026-01-01T00:00:02Z");
        run("20260101-000001-bbbbbb", "queued", "2026-01-01T00:00:01Z");
        active.locked(() -> { active.add(List.of(RunId.of("20260101-000002-aaaaaa"), RunId.of("20260101-000001-bbbbbb"))); return null; });
        assertEquals(List.of("20260101-000001-bbbbbb", "20260101-000002-aaaaaa"), unfinishedIds());
        run("20260101-000003-cccccc", "finished", "2026-01-01T00:00:03Z");
        store.write(RawMeta.of(store.read(RunId.of("20260101-000002-aaaaaa"))).put("status", "finished").meta());
        assertEquals(List.of("20260101-000001-bbbbbb"), unfinishedIds());
        assertFalse(Files.readString(active.file()).contains("20260101-000002-aaaaaa"), "pruned from the file too");
    }

    @Test
    void aDeletedOrDamagedRecordIsRebuiltFromRunsDirectory() throws Exception {
        run("20260101-000001-aaaaaa", "queued", "2026-01-01T00:00:01Z");
        run("20260101-000002-bbbbbb", "finished", "2026-01-01T00:00:02Z");
        run("20260101-000003-cccccc", "running", "2026-01-01T00:00:03Z");
        assertFalse(Files.exists(active.file()));
        assertEquals(List.of("20260101-000001-aaaaaa", "20260101-000003-cccccc"), active.peek().stream().map(m -> m.runId().value()).toList());
        assertTrue(Files.exists(active.file()), "the rebuilt record is saved");
        Files.delete(active.file());
        assertEquals(List.of("20260101-000001-aaaaaa", "20260101-000003-cccccc"), unfinishedIds());
        Files.writeString(active.file(), "{\"runs\": [tor");
        assertEquals(List.of("20260101-000001-aaaaaa", "20260101-000003-cccccc"), unfinishedIds());
    }

    @Test
    void aRunTheRecordLacksIsAddedBackAndAVanishedOneDropped() throws Exception {
        run("20260101-000001-aaaaaa", "queued", "2026-01-01T00:00:01Z");
        assertEquals(1, unfinishedIds().size());
        // A start that died between writing meta.json and the record: only a scan finds it.
        run("20260101-000002-bbbbbb", "queued", "2026-01-01T00:00:02Z");
        assertEquals(List.of("20260101-000001-aaaaaa"), unfinishedIds());
        active.addMissing(List.of(RunId.of("20260101-000001-aaaaaa"), RunId.of("20260101-000002-bbbbbb")));
        assertEquals(List.of("20260101-000001-aaaaaa", "20260101-000002-bbbbbb"), unfinishedIds());
        store.deleteQuietly(RunId.of("20260101-000001-aaaaaa"));
        assertEquals(List.of("20260101-000002-bbbbbb"), unfinishedIds());
    }

    @Test
    void addMissingWritesNothingWhenNothingIsMissing() throws Exception {
        run("20260101-000001-aaaaaa", "queued", "2026-01-01T00:00:01Z");
        unfinishedIds();
        long before = Files.getLastModifiedTime(active.file()).toMillis();
        Files.setLastModifiedTime(active.file(), java.nio.file.attribute.FileTime.fromMillis(before - 10_000));
        active.addMissing(List.of(RunId.of("20260101-000001-aaaaaa")));
        assertEquals(before - 10_000, Files.getLastModifiedTime(active.file()).toMillis());
    }
}
