package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.notify.Notifier;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.testing.ReadOnlyDir;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFinalizerTest {
    @TempDir Path home;

    @Test
    void racingFinalizersFinalizeOnceAndNotifyOnce() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        RunStore store = new RunStore(ws);
        store.createDir(RunId.of("r1"));
        store.write(RawMeta.create().put("run_id", "r1").put("status", "running").put("project", "p")
                .put("profile", "spark").put("created_at", "2026-01-01T00:00:00Z").meta());
        String[] outcomes = {"killed", "lost", "timed_out", "failed"};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RunMeta>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String outcome = outcomes[i % outcomes.length];
            results.add(pool.submit(() -> {
                go.await();
                return new RunFinalizer(store, new Notifier(ws, new Config(null), java.util.Map.of(), p -> {})).finishWithout(RunId.of("r1"), Outcome.of(outcome), "because " + outcome);
            }));
        }
        go.countDown();
        int winners = 0;
        String winner = null;
        for (Future<RunMeta> f : results) {
            RunMeta m = f.get();
            if (m != null) {
                winners++;
                winner = m.outcome();
            }
        }
        pool.shutdown();
        assertEquals(1, winners, "exactly one finalization");
        RunMeta finalMeta = store.read(RunId.of("r1"));
        assertEquals("finished", finalMeta.status());
        assertEquals(winner, finalMeta.outcome());
        assertEquals("because " + winner, finalMeta.str("error"));
        assertNotNull(finalMeta.str("ended_at"));
        assertEquals(1, Files.readAllLines(ws.notifyLog()).size(), "exactly one notification");
        assertEquals(1, Files.readAllLines(ws.notifyJsonl()).size());
    }

    /** A meta that cannot be written is not notified; the one notification is for what meta.json finally holds. */
    @Test
    void aFailedFinalWriteNotifiesNothingAndTheFinalOutcomeOnce() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        RunStore store = new RunStore(ws);
        store.createDir(RunId.of("r2"));
        store.write(RawMeta.create().put("run_id", "r2").put("status", "running").put("project", "p")
                .put("profile", "spark").put("created_at", "2026-01-01T00:00:00Z").meta());
        store.update(RunId.of("r2"), m -> true); // the lock file exists before the directory turns read-only
        RunFinalizer finalizer = new RunFinalizer(store, new Notifier(ws, new Config(null), java.util.Map.of(), p -> {}));
        try (ReadOnlyDir ro = ReadOnlyDir.of(store.dir(RunId.of("r2")))) {
            for (String outcome : new String[] {"succeeded", "failed", "lost", "lost"}) {
                assertThrows(AgentctlException.class, () -> finalizer.finish(RunId.of("r2"), m -> RawMeta.of(m).put("outcome", outcome)));
            }
        }
        assertFalse(Files.exists(ws.notifyLog()), "nothing notified for a meta that was never written");
        assertEquals("running", store.read(RunId.of("r2")).status());
        RunMeta done = finalizer.finishWithout(RunId.of("r2"), Outcome.LOST, "supervisor is gone");
        assertEquals("lost", done.outcome());
        List<String> lines = Files.readAllLines(ws.notifyLog());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("outcome=lost"), lines.get(0));
        try (var s = Files.list(store.dir(RunId.of("r2")))) {
            assertEquals(0, s.filter(f -> f.getFileName().toString().contains(".tmp-")).count(), "no temp file left");
        }
    }
}
