package dev.agentctl.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.store.LineFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * runs/.index.jsonl: a few fields of every finished run, so that `list` reads neither a thousand
 * meta.json files nor, on a workspace with ten thousand runs, the whole index. Entries are appended
 * as runs are found finished; each line carries the greatest created_at so far, so reading from the
 * end can stop as soon as no older line can hold one of the newest runs asked for. The last line is
 * a checkpoint ({@link IndexCheckpoint}) saying which run directories are not indexed yet.
 * An entry is used only while its meta.json keeps the size and modification time recorded with it.
 * It is a cache and nothing else: when it is missing, damaged (a line cut short by a crash), or does
 * not account for runs/ as it is, it is rebuilt from the run directories.
 */
public final class RunIndex {
    public static final String FILE = ".index.jsonl";
    private static final int VERSION = 2;
    private static final int MAX_HEADER = 4096;

    private final RunStore store;
    private final List<String> fields;

    /** {@code fields}: what the index keeps of each finished run (all its readers may look at). */
    public RunIndex(RunStore store, List<String> fields) {
        this.store = store;
        this.fields = List.copyOf(fields);
    }

    public Path file() {
        return runsDir().resolve(FILE);
    }

    private Path runsDir() {
        return store.workspace().runsDir();
    }

    /**
     * The runs a query needs: every run that is not indexed (unfinished or unreadable) as its whole
     * meta, unfiltered, for the caller to reconcile and filter; and the finished runs that match,
     * reduced to the index's fields, at least the newest {@code limit} of them. Runs whose meta.json
     * cannot be read are reported to warn and left out.
     */
    public List<RunMeta> runs(RunQuery query, Consumer<String> warn) {
        RunDirs.State dirNow = RunDirs.State.of(runsDir());
        try (LineFile index = LineFile.open(file())) {
            List<RunMeta> found = fromIndex(index, query, dirNow, warn);
            if (found != null) return found;
        } catch (NoSuchFileException e) {
            // first list, or deleted: rebuilt below
        } catch (IOException | RuntimeException e) {
            // damaged: rebuilt below, not reported
        }
        return new IndexRebuild(store, fields, file(), lockFile()).rebuild(dirNow, warn);
    }

    /**
     * Every run that is not finished, as its whole meta, without reading one finished run: the runs the
     * index has not taken in. A run directory the index has not seen yet (made since, or with an id given
     * by hand) is among them, so reconcile finds runs that the record of unfinished runs lost.
     */
    public List<RunMeta> unfinished(Consumer<String> warn) {
        List<RunMeta> out = new ArrayList<>();
        for (RunMeta m : runs(new RunQuery(null, null, null, 0), warn)) {
            if (!m.isFinished()) out.add(m);
        }
        return out;
    }

    Path lockFile() {
        return runsDir().resolve(".index.lock");
    }

    JsonObject header() {
        JsonObject h = new JsonObject();
        h.addProperty("agentctl_run_index", VERSION);
        JsonArray f = new JsonArray();
        fields.forEach(f::add);
        h.add("fields", f);
        return h;
    }

    /** The runs from the index's end, or null when it must be rebuilt. */
    private List<RunMeta> fromIndex(LineFile index, RunQuery query, RunDirs.State dirNow, Consumer<String> warn) throws IOException {
        String first = index.firstLine(MAX_HEADER);
        if (first == null || !Json.parseObject(first, FILE).equals(header()) || !index.endsWithNewline()) return null;
        IndexCheckpoint cp = IndexCheckpoint.parse(Json.parseObject(index.previousLine(), FILE));
        if (cp == null) return null;
        List<String> made = cp.unchanged(dirNow) ? List.of() : cp.madeSince(RunDirs.list(runsDir()));
        if (made == null) return null;

        IndexCheckpoint next = cp.copyFor(dirNow);
        List<IndexEntry> appended = new ArrayList<>();
        List<RunMeta> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unindexed = new ArrayList<>(cp.pending);
        unindexed.addAll(made);
        made.forEach(next::addDir);
        next.pending.clear();
        for (String id : unindexed) {
            seen.add(id);
            // Stamp before reading: a meta replaced in between is recorded with the older stamp and
            // so is read again next time, never trusted when it should not be.
            IndexEntry.Stamp stamp = IndexEntry.Stamp.of(store.metaFile(RunId.of(id)));
            RunMeta meta = readOrWarn(id, warn);
            if (meta == null) {
                next.pending.add(id);
                continue;
            }
            IndexEntry e = IndexEntry.of(id, stamp, meta, fields);
            out.add(e != null ? e.run : meta); // finished: its entry's few fields, as the index would give it
            if (e != null) appended.add(e); else next.pending.add(id);
        }
        if (wantsFinished(query)) {
            if (!readEntries(index, query, seen, out, appended, next, warn)) return null;
        }
        if (!appended.isEmpty() || !next.pending.equals(cp.pending) || !made.isEmpty() || !cp.unchanged(dirNow)) {
            append(index.size(), appended, next);
        }
        return out;
    }

    /**
     * Entries newest first (by the order they were appended), until the limit-th newest match is
     * newer than everything before; each checked against its meta.json. False: the index does not
     * fit the run directories and must be rebuilt.
     */
    private boolean readEntries(LineFile index, RunQuery query, Set<String> seen, List<RunMeta> out,
            List<IndexEntry> appended, IndexCheckpoint next, Consumer<String> warn) throws IOException {
        // The created_at of the newest matches so far, the oldest of them on top.
        PriorityQueue<String> newest = new PriorityQueue<>();
        Integer limit = query.limit();
        String line;
        while ((line = index.previousLine()) != null) {
            JsonObject o = Json.parseObject(line, FILE);
            if (o.has(IndexCheckpoint.KEY)) continue; // an earlier checkpoint
            if (o.has("agentctl_run_index")) break; // the header: the first line
            IndexEntry e = IndexEntry.parse(o);
            if (e == null) return false;
            if (limit != null && newest.size() >= limit && e.maxCreated.compareTo(newest.peek()) < 0) break;
            if (!seen.add(e.id)) continue; // a later line replaced this one
            IndexEntry.Stamp stamp = IndexEntry.Stamp.of(store.metaFile(RunId.of(e.id)));
            if (stamp == null) return false; // a run directory went away unseen
            RunMeta run = e.run;
            if (!e.stamp.sameAs(stamp)) {
                RunMeta meta = readOrWarn(e.id, warn);
                IndexEntry fresh = meta == null ? null : IndexEntry.of(e.id, stamp, meta, fields);
                if (fresh == null) { // no longer finished, or unreadable: read it every time from now on
                    next.pending.add(e.id);
                    if (meta != null) out.add(meta);
                    continue;
                }
                appended.add(fresh);
                run = fresh.run;
            }
            if (query.matches(run)) {
                out.add(run);
                newest.add(run.createdAt() == null ? "" : run.createdAt());
                if (limit != null && newest.size() > limit) newest.poll();
            }
        }
        return true;
    }

    /** Indexed runs are finished: a query for queued or running runs, or for none, needs none of them. */
    private static boolean wantsFinished(RunQuery query) {
        if (query.limit() != null && query.limit() == 0) return false;
        String s = query.status();
        return s == null || !s.equals(RunState.QUEUED.wire()) && !s.equals(RunState.RUNNING.wire());
    }

    private RunMeta readOrWarn(String id, Consumer<String> warn) {
        try {
            return store.read(RunId.of(id));
        } catch (AgentctlException e) {
            warn.accept("skipping run " + id + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Appends the new entries and the next checkpoint in one write, under the index lock, and only
     * if nobody appended since this list read the index (then the next list catches up). Best
     * effort: a list that cannot write the index still lists.
     */
    private void append(long sizeRead, List<IndexEntry> entries, IndexCheckpoint next) {
        StringBuilder text = new StringBuilder();
        for (IndexEntry e : entries) {
            next.maxCreated = IndexEntry.max(next.maxCreated, e.createdAt());
            text.append(Json.compact(e.toJson(next.maxCreated))).append('\n');
        }
        next.trusted = next.dir.provesContents(System.currentTimeMillis() * 1_000_000L);
        text.append(Json.compact(next.toJson())).append('\n');
        try (FileLock ignored = FileLock.acquire(lockFile())) {
            IndexEntry.appendIfSize(file(), sizeRead, text.toString());
        } catch (IOException | RuntimeException ignored) {
            // read-only workspace, disk full: the next list tries again
        }
    }
}
