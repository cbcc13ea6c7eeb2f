package dev.agentctl.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * runs/.active.json: the ids of unfinished (queued or running) runs, so that start, status and the queue
 * read a few meta.json files instead of every run's. It is a cache that may only err one way: an id is
 * added before its run could be missed and removed only once its meta says finished, and every id is
 * checked against its meta.json when read. A missing or damaged file is rebuilt from a scan of runs/;
 * a run it lacks (a start that died between writing meta and the record) is found again by reconcile
 * and list, which scan anyway.
 */
public final class ActiveRuns {
    public static final String FILE = ".active.json";
    public static final String LOCK = ".queue.lock";
    private static final String VERSION_KEY = "agentctl_active_runs";

    private final RunStore store;

    public ActiveRuns(RunStore store) {
        this.store = store;
    }

    public Path file() { return store.workspace().runsDir().resolve(FILE); }

    /** Runs work under the workspace-wide queue lock, which guards this record and every admission. */
    public <T> T locked(Supplier<T> work) {
        try (FileLock ignored = FileLock.acquire(store.workspace().runsDir().resolve(LOCK))) {
            return work.get();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot lock the run queue: " + e.getMessage(), e);
        }
    }

    /**
     * The unfinished runs' metas, oldest first; ids whose meta is finished or gone are dropped from the
     * record. The caller holds the lock.
     */
    public List<RunMeta> unfinished() {
        Set<RunId> ids = load();
        boolean rebuilt = ids == null;
        if (rebuilt) ids = scan();
        List<RunMeta> out = new ArrayList<>();
        Set<RunId> kept = new LinkedHashSet<>();
        for (RunId id : ids) {
            RunMeta m = store.readQuietly(id);
            if (m == null || m.isFinished()) continue;
            out.add(m);
            kept.add(id);
        }
        if (rebuilt || !kept.equals(ids)) save(kept);
        out.sort(RunQuery.NEWEST_FIRST.reversed());
        return out;
    }

    /** What the record says now, without the lock and without repairing it (status, a quick look). */
    public List<RunMeta> peek() {
        Set<RunId> ids = load();
        if (ids == null) return locked(this::unfinished);
        List<RunMeta> out = new ArrayList<>();
        for (RunId id : ids) {
            RunMeta m = store.readQuietly(id);
            if (m != null && !m.isFinished()) out.add(m);
        }
        out.sort(RunQuery.NEWEST_FIRST.reversed());
        return out;
    }

    /** Adds ids (a new run, or runs a scan found missing); the caller holds the lock. */
    public void add(Collection<RunId> newIds) {
        Set<RunId> ids = load();
        boolean rebuilt = ids == null;
        if (rebuilt) ids = scan(); // which may find newIds already: the rebuilt record is saved all the same
        Set<RunId> all = new LinkedHashSet<>(ids);
        if (all.addAll(newIds) || rebuilt) save(all);
    }

    /** Takes the lock and adds those of ids the record lacks; writes nothing when none is missing. */
    public void addMissing(Collection<RunId> unfinishedIds) {
        Set<RunId> ids = load();
        if (ids != null && ids.containsAll(unfinishedIds)) return;
        locked(() -> {
            add(unfinishedIds);
            return null;
        });
    }

    /** Every unfinished run found by reading every meta.json: the slow truth the record stands for. */
    private Set<RunId> scan() {
        Set<RunId> ids = new LinkedHashSet<>();
        for (RunId id : store.ids()) {
            RunMeta m = store.readQuietly(id);
            if (m != null && !m.isFinished()) ids.add(id);
        }
        return ids;
    }

    /** The ids, or null when the record is missing or damaged; an entry that is no run id is dropped. */
    private Set<RunId> load() {
        try {
            JsonObject o = Json.readObject(file());
            if (o == null || !o.has(VERSION_KEY) || !o.has("runs") || !o.get("runs").isJsonArray()) return null;
            Set<RunId> ids = new LinkedHashSet<>();
            for (JsonElement e : o.getAsJsonArray("runs")) {
                RunId id = RunId.parse(e.getAsString());
                if (id != null) ids.add(id);
            }
            return ids;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void save(Set<RunId> ids) {
        JsonObject o = new JsonObject();
        o.addProperty(VERSION_KEY, 1);
        JsonArray a = new JsonArray();
        ids.forEach(id -> a.add(id.value()));
        o.add("runs", a);
        try {
            Json.writeAtomically(file(), o);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + file() + ": " + e.getMessage(), e);
        }
    }
}
