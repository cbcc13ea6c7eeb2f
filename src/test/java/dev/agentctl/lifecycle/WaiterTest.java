package dev.agentctl.lifecycle;

import dev.agentctl.run.RunId;
import dev.agentctl.testing.RawMeta;

import dev.agentctl.lifecycle.Waiter;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunStore;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiterTest {
    @TempDir Path home;

    /** Past the per-user inotify limit a wait must still wait (by polling), not fail like a timeout. */
    @Test
    void aWaitThatCannotGetAWatchPollsInstead() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        RunStore store = new RunStore(ws);
        RunFixtures.write(home, "r1", "2026-01-01T00:00:00Z", "running", null, "p");
        ProcessIdentity self = ProcessIdentity.current();
        store.update(RunId.of("r1"), m -> {
            RawMeta.of(m).put("supervisor_pid", self.pid()).put("supervisor_started_at_ms", self.startedAtMillis());
            return true;
        });
        RunFinalizer finalizer = new RunFinalizer(store, new Notifier(ws, new Config(null), java.util.Map.of(), p -> {}));
        Waiter waiter = new Waiter(store, new Reconciler(store, () -> finalizer), Duration.ofSeconds(2), () -> {},
                () -> { throw new IOException("User limit of inotify instances reached or too many open files"); });
        CompletableFuture<Waiter.Result> waiting = CompletableFuture.supplyAsync(
                () -> waiter.await(List.of(RunId.of("r1")), false, Duration.ofSeconds(30)));
        Thread.sleep(300); // let it start waiting: the finish must arrive while it waits (any time works)
        long finishedAt = System.nanoTime();
        finalizer.finishWithout(RunId.of("r1"), dev.agentctl.run.Outcome.KILLED, "test");
        Waiter.Result r = waiting.get(30, TimeUnit.SECONDS);
        assertFalse(r.timedOut());
        assertEquals("killed", r.runs().get(0).outcome());
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - finishedAt);
        assertTrue(tookMs < 2000, "noticed by polling in " + tookMs + " ms, before the liveness check");
    }
}
