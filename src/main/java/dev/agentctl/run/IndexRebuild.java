package dev.agentctl.run;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run index made anew from every run directory: entries of the old index are kept while their
 * meta.json is unchanged, every other run is read. Entries are written oldest first, so that
 * reading from the end meets the newest runs first.
 */
final class IndexRebuild {
    private final RunStore store;
    private final List<String> fields;
    private final Path file;
    private final Path lockFile;

    IndexRebuild(RunStore store, List<String> fields, Path file, Path lockFile) {
        this.store = store;
        this.fields = fields;
        this.file = file;
        this.lockFile = lockFile;
    }

    /** Every run: finished ones reduced to the index's fields, the others as their whole meta. */
    List<RunMeta> rebuild(RunDirs.State dirBefore, Consumer<String> warn) {
        Map<String, IndexEntry> old = load();
        IndexCheckpoint cp = new IndexCheckpoint();
        cp.dir = dirBefore;
        List<IndexEntry> entries = new ArrayList<>();
        List<RunMeta> out = new ArrayList<>();
        for (String id : RunDirs.list(store.workspace().runsDir())) {
            cp.addDir(id);
            IndexEntry.Stamp stamp = IndexEntry.Stamp.of(store.metaFile(RunId.of(id)));
            IndexEntry e = old.get(id);
            if (e != null && e.stamp.sameAs(stamp)) {
                entries.add(e);
                out.add(e.run);
                continue;
            }
            RunMeta meta;
            try {
                meta = store.read(RunId.of(id));
            } catch (AgentctlException ex) {
                warn.accept("skipping run " + id + ": " + ex.getMessage());
                cp.pending.add(id);
                continue;
            }
            IndexEntry fresh = IndexEntry.of(id, stamp, meta, fields);
            // A finished run is kept as its entry's few fields: ten thousand whole metas need not fit in memory.
            out.add(fresh != null ? fresh.run : meta);
            if (fresh != null) entries.add(fresh); else cp.pending.add(id);
        }
        entries.sort(Comparator.comparing(IndexEntry::createdAt).thenComparing(e -> e.id));
        write(entries, cp);
        return out;
    }

    private JsonObject header() {
        return new RunIndex(store, fields).header();
    }

    /** The old entries by id (a later line wins), or none when the file is missing, damaged or foreign. */
    private Map<String, IndexEntry> load() {
        Map<String, IndexEntry> entries = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !Json.parseObject(line, RunIndex.FILE).equals(header())) return Map.of();
            while ((line = in.readLine()) != null) {
                JsonObject o = Json.parseObject(line, RunIndex.FILE);
                if (o.has(IndexCheckpoint.KEY)) continue;
                IndexEntry e = IndexEntry.parse(o);
                if (e == null) return Map.of();
                entries.put(e.id, e);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a missing or damaged cache is rebuilt, not reported
        }
        return entries;
    }

    /** Best effort: a list that cannot write the index still lists. */
    private void write(List<IndexEntry> entries, IndexCheckpoint cp) {
        StringBuilder text = new StringBuilder(Json.compact(header())).append('\n');
        for (IndexEntry e : entries) {
            cp.maxCreated = IndexEntry.max(cp.maxCreated, e.createdAt());
            text.append(Json.compact(e.toJson(cp.maxCreated))).append('\n');
        }
        cp.trusted = cp.dir.provesContents(System.currentTimeMillis() * 1_000_000L);
        text.append(Json.compact(cp.toJson())).append('\n');
        try (FileLock ignored = FileLock.acquire(lockFile)) {
            AtomicFiles.writeCache(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
            // read-only workspace, disk full: the next list tries again
        }
    }
}
