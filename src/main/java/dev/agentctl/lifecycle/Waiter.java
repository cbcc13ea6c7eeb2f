package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunState;
import dev.agentctl.run.RunStore;
import dev.agentctl.lifecycle.Reconciler;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits for runs to finish, woken by file-system events on their directories (the supervisor's
 * atomic rename of meta.json), not by polling meta. A slow liveness check runs alongside so a run
 * whose supervisor died is finalized as lost instead of being waited on forever.
 */
public final class Waiter {
    private final RunStore store;
    private final Reconciler reconciler;
    private final Duration livenessInterval;
    private final Runnable housekeeping;

    public Waiter(RunStore store, Reconciler reconciler, Duration livenessInterval) {
        this(store, reconciler, livenessInterval, () -> {});
    }

    /**
     * @param housekeeping runs before waiting and with each liveness check while a run awaited is queued:
     *     the queue's promotion, so a queue whose supervisors all died still drains
     */
    public Waiter(RunStore store, Reconciler reconciler, Duration livenessInterval, Runnable housekeeping) {
        this.store = store;
        this.reconciler = reconciler;
        this.livenessInterval = livenessInterval;
        this.housekeeping = housekeeping;
    }

    /** The runs as they are when waiting ended, in the order asked, and whether time ran out. */
    public record Result(List<RunMeta> runs, boolean timedOut) {}

    public Result await(List<String> ids, boolean any, Duration timeout) {
        Map<String, RunMeta> current = new LinkedHashMap<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            Map<WatchKey, String> keys = new HashMap<>();
            for (String id : ids) {
                // Watch before the first read, so a write between the two cannot be missed.
                Path dir = store.dir(id);
                store.read(id); // unknown id: usage error before we block
                keys.put(dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), id);
            }
            for (String id : ids) current.put(id, reconciler.reconcile(store.read(id)));
            if (current.values().stream().anyMatch(m -> m.state() == RunState.QUEUED)) {
                housekeeping.run(); // a wait on finished runs stays as cheap as it was
                for (String id : ids) current.put(id, store.read(id));
            }
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            long nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
            while (!done(current, any)) {
                long now = System.nanoTime();
                if (now >= deadline) return new Result(List.copyOf(current.values()), true);
                long waitNanos = Math.min(deadline - now, Math.max(0, nextLivenessCheck - now));
                WatchKey key = watch.poll(waitNanos, TimeUnit.NANOSECONDS);
                Set<String> changed = new LinkedHashSet<>();
                while (key != null) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.OVERFLOW || RunStore.META.equals(String.valueOf(e.context()))) {
                            changed.add(keys.get(key));
                        }
                    }
                    key.reset();
                    key = watch.poll();
                }
                for (String id : changed) {
                    RunMeta m = store.readQuietly(id);
                    if (m != null) current.put(id, m);
                }
                if (System.nanoTime() >= nextLivenessCheck) {
                    if (current.values().stream().anyMatch(m -> m.state() == RunState.QUEUED)) housekeeping.run();
                    for (Map.Entry<String, RunMeta> e : current.entrySet()) {
                        if (!e.getValue().isFinished()) e.setValue(reconciler.reconcile(store.read(e.getKey())));
                    }
                    nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
                }
            }
            return new Result(List.copyOf(current.values()), false);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot watch runs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.copyOf(current.values()), true);
        }
    }

    private static boolean done(Map<String, RunMeta> current, boolean any) {
        return any ? current.values().stream().anyMatch(RunMeta::isFinished)
                : current.values().stream().allMatch(RunMeta::isFinished);
    }
}
