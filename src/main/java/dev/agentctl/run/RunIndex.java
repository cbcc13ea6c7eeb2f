package dev.agentctl.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * runs/.index.jsonl: a few fields of every finished run, so that `list` need not parse a thousand
 * meta.json files (a finished run's meta no longer changes). An entry is used only while its
 * meta.json still has the size and modification time recorded with it; every other run is read
 * from meta.json as before, and the index is rewritten when that reading taught it something.
 * It is a cache and nothing else: deleting it (or any damage to it) costs one slower list.
 */
public final class RunIndex {
    public static final String FILE = ".index.jsonl";
    private static final int VERSION = 1;

    private final RunStore store;
    private final List<String> fields;

    /** {@code fields}: what the index keeps of each finished run (all its readers may look at). */
    public RunIndex(RunStore store, List<String> fields) {
        this.store = store;
        this.fields = List.copyOf(fields);
    }

    public Path file() {
        return store.workspace().runsDir().resolve(FILE);
    }

    /**
     * A meta.json as it was when an entry was made from it. Not a record: a record's equals is
     * bootstrapped through invokedynamic, which costs a short-lived JVM ~20 ms the first time.
     */
    private static final class Stamp {
        final long modifiedNanos;
        final long size;

        Stamp(long modifiedNanos, long size) {
            this.modifiedNanos = modifiedNanos;
            this.size = size;
        }

        boolean sameAs(Stamp other) {
            return other != null && other.modifiedNanos == modifiedNanos && other.size == size;
        }
    }

    private static final class Entry {
        final Stamp stamp;
        final RunMeta run;

        Entry(Stamp stamp, RunMeta run) {
            this.stamp = stamp;
            this.run = run;
        }
    }

    /**
     * Every run: finished ones reduced to the index's fields (whether from the index or just read),
     * the others as their whole meta.
     * Runs whose meta.json is missing or corrupt are reported to warn and left out.
     */
    public List<RunMeta> runs(Consumer<String> warn) {
        Map<String, Entry> cached = load();
        Map<String, Entry> kept = new HashMap<>();
        List<RunMeta> out = new ArrayList<>();
        boolean changed = false;
        for (String id : store.ids()) {
            // Stamp before reading: a meta replaced in between is recorded with the older stamp and
            // so is read again next time, never trusted when it should not be.
            Stamp stamp = stamp(id);
            Entry entry = cached.get(id);
            if (entry != null && entry.stamp.sameAs(stamp)) {
                out.add(entry.run);
                kept.put(id, entry);
                continue;
            }
            RunMeta meta;
            try {
                meta = store.read(id);
            } catch (AgentctlException e) {
                warn.accept("skipping run " + id + ": " + e.getMessage());
                changed |= entry != null;
                continue;
            }
            changed |= entry != null;
            if (meta.isFinished()) {
                // Only the index's fields are kept, so a thousand megabyte-sized metas are never all in memory.
                RunMeta reduced = reduce(meta);
                out.add(reduced);
                if (stamp != null && id.equals(meta.runId())) {
                    kept.put(id, new Entry(stamp, reduced));
                    changed = true;
                }
            } else {
                out.add(meta);
            }
        }
        if (changed || kept.size() != cached.size()) save(kept);
        return out;
    }

    private Stamp stamp(String id) {
        try {
            BasicFileAttributes a = Files.readAttributes(store.metaFile(id), BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private RunMeta reduce(RunMeta meta) {
        JsonObject o = new JsonObject();
        for (String f : fields) {
            if (meta.json().has(f)) o.add(f, meta.json().get(f));
        }
        return new RunMeta(o);
    }

    private JsonObject header() {
        JsonObject h = new JsonObject();
        h.addProperty("agentctl_run_index", VERSION);
        JsonArray f = new JsonArray();
        fields.forEach(f::add);
        h.add("fields", f);
        return h;
    }

    /** The entries, or none when the file is missing, damaged, or made for other fields. */
    private Map<String, Entry> load() {
        Map<String, Entry> entries = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !Json.parseObject(line, FILE).equals(header())) return Map.of();
            while ((line = in.readLine()) != null) {
                JsonObject o = Json.parseObject(line, FILE);
                JsonElement run = o.get("run");
                Long modified = Json.longValue(o, "modified_ns");
                Long size = Json.longValue(o, "size");
                String id = Json.string(o, "id");
                if (run == null || !run.isJsonObject() || modified == null || size == null || id == null) return Map.of();
                entries.put(id, new Entry(new Stamp(modified, size), new RunMeta(run.getAsJsonObject())));
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a damaged cache is rebuilt, not reported
        }
        return entries;
    }

    /** Best effort: a list that cannot write the index still lists. */
    private void save(Map<String, Entry> entries) {
        StringBuilder text = new StringBuilder(Json.compact(header())).append('\n');
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", e.getKey());
            o.addProperty("modified_ns", e.getValue().stamp.modifiedNanos);
            o.addProperty("size", e.getValue().stamp.size);
            o.add("run", e.getValue().run.json());
            text.append(Json.compact(o)).append('\n');
        }
        try {
            AtomicFiles.writeCache(file(), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
            // read-only workspace, disk full: the next list tries again
        }
    }
}
