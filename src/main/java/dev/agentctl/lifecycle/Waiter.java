package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
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
    /** How often a wait without a file-system watch re-reads the runs it waits for. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** Opens the watch service; a test can make it fail as an exhausted inotify limit does. */
    interface WatchOpener {
        WatchService open() throws IOException;
    }

    private final RunStore store;
    private final Reconciler reconciler;
    private final Duration livenessInterval;
    private final WatchOpener opener;
    private final Runnable housekeeping;

    public Waiter(RunStore store, Reconciler reconciler, Duration livenessInterval) {
        this(store, reconciler, livenessInterval, () -> {});
    }

    /**
     * @param housekeeping runs before waiting and with each liveness check while a run awaited is queued:
     *     the queue's promotion, so a queue whose supervisors all died still drains
     */
    public Waiter(RunStore store, Reconciler reconciler, Duration livenessInterval, Runnable housekeeping) {
        this(store, reconciler, livenessInterval, housekeeping, () -> FileSystems.getDefault().newWatchService());
    }

    Waiter(RunStore store, Reconciler reconciler, Duration livenessInterval, Runnable housekeeping, WatchOpener opener) {
        this.store = store;
        this.reconciler = reconciler;
        this.livenessInterval = livenessInterval;
        this.housekeeping = housekeeping;
        this.opener = opener;
    }

    /** The runs as they are when waiting ended, in the order asked, and whether time ran out. */
    public record Result(List<RunMeta> runs, boolean timedOut) {}

    public Result await(List<RunId> ids, boolean any, Duration timeout) {
        Map<RunId, RunMeta> current = new LinkedHashMap<>();
        Map<WatchKey, RunId> keys = new HashMap<>();
        for (RunId id : ids) store.read(id); // unknown id: usage error before we block
        WatchService watch = watch(ids, keys);
        try {
            for (RunId id : ids) current.put(id, reconciler.reconcile(store.read(id)));
            if (current.values().stream().anyMatch(m -> m.state() == RunState.QUEUED)) {
                housekeeping.run(); // a wait on finished runs stays as cheap as it was
                for (RunId id : ids) current.put(id, store.read(id));
            }
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            long nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
            while (!done(current, any)) {
                long now = System.nanoTime();
                if (now >= deadline) return new Result(List.copyOf(current.values()), true);
                long waitNanos = Math.min(deadline - now, Math.max(0, nextLivenessCheck - now));
                Set<RunId> changed = watch != null ? changes(watch, keys, waitNanos) : poll(current, waitNanos);
                for (RunId id : changed) {
                    RunMeta m = store.readQuietly(id);
                    if (m != null) current.put(id, m);
                }
                if (System.nanoTime() >= nextLivenessCheck) {
                    if (current.values().stream().anyMatch(m -> m.state() == RunState.QUEUED)) housekeeping.run();
                    for (Map.Entry<RunId, RunMeta> e : current.entrySet()) {
                        if (!e.getValue().isFinished()) e.setValue(reconciler.reconcile(store.read(e.getKey())));
                    }
                    nextLivenessCheck = System.nanoTime() + livenessInterval.toNanos();
                }
            }
            return new Result(List.copyOf(current.values()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.copyOf(current.values()), true);
        } finally {
            if (watch != null) {
                try {
                    watch.close();
                } catch (IOException ignored) {
                    // closing a watch we are done with
                }
            }
        }
    }

    /**
     * A watch on every run's directory, registered before the first read so that a write between the
     * two cannot be missed; null when the system will not give one (the per-user inotify limit, ~128
     * instances, is easily reached by many background waits): then the wait polls instead of failing.
     */
    private WatchService watch(List<RunId> ids, Map<WatchKey, RunId> keys) {
        WatchService watch = null;
        try {
            watch = opener.open();
            for (RunId id : ids) {
                keys.put(store.dir(id).register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), id);
            }
            return watch;
        } catch (IOException | RuntimeException e) {
            if (watch != null) {
                try {
                    watch.close();
                } catch (IOException ignored) {
                    // falling back to polling anyway
                }
            }
            keys.clear();
            return null;
        }
    }

    private static Set<RunId> changes(WatchService watch, Map<WatchKey, RunId> keys, long waitNanos) throws InterruptedException {
        Set<RunId> changed = new LinkedHashSet<>();
        WatchKey key = watch.poll(waitNanos, TimeUnit.NANOSECONDS);
        while (key != null) {
            for (WatchEvent<?> e : key.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW || RunStore.META.equals(String.valueOf(e.context()))) {
                    changed.add(keys.get(key));
                }
            }
            key.reset();
            key = watch.poll();
        }
        return changed;
    }

    /** Without a watch: sleep a short interval, then every unfinished run counts as changed. */
    private static Set<RunId> poll(Map<RunId, RunMeta> current, long waitNanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, POLL_INTERVAL.toNanos()));
        Set<RunId> unfinished = new LinkedHashSet<>();
        current.forEach((id, m) -> {
            if (!m.isFinished()) unfinished.add(id);
        });
        return unfinished;
    }

    private static boolean done(Map<RunId, RunMeta> current, boolean any) {
        return any ? current.values().stream().anyMatch(RunMeta::isFinished)
                : current.values().stream().allMatch(RunMeta::isFinished);
    }
}
