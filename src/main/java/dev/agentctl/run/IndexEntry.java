package dev.agentctl.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One finished run in the run index: the fields kept of it, and its meta.json as it was then. */
final class IndexEntry {
    final String id;
    final Stamp stamp;
    final RunMeta run;
    /** The greatest created_at of this line and every line before it (see RunIndex). */
    final String maxCreated;

    private IndexEntry(String id, Stamp stamp, RunMeta run, String maxCreated) {
        this.id = id;
        this.stamp = stamp;
        this.run = run;
        this.maxCreated = maxCreated;
    }

    /**
     * A meta.json as it was when an entry was made from it. Not a record: a record's equals is
     * bootstrapped through invokedynamic, which costs a short-lived JVM ~20 ms the first time.
     */
    static final class Stamp {
        final long modifiedNanos;
        final long size;

        Stamp(long modifiedNanos, long size) {
            this.modifiedNanos = modifiedNanos;
            this.size = size;
        }

        /** The file's stamp now, or null when it cannot be read (missing). */
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        boolean sameAs(Stamp other) {
            return other != null && other.modifiedNanos == modifiedNanos && other.size == size;
        }
    }

    /** The entry for a run read from meta.json (stamped before reading), or null when it is not to be indexed. */
    static IndexEntry of(String id, Stamp stamp, RunMeta meta, List<String> fields) {
        if (stamp == null || !meta.isFinished() || !id.equals(meta.str(MetaKeys.RUN_ID))) return null;
        JsonObject o = new JsonObject();
        for (String f : fields) {
            JsonElement v = meta.json().get(f);
            if (v != null) o.add(f, v);
        }
        return new IndexEntry(id, stamp, new RunMeta(o), null);
    }

    String createdAt() {
        String c = run.createdAt();
        return c == null ? "" : c;
    }

    static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    JsonObject toJson(String maxCreatedSoFar) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("modified_ns", stamp.modifiedNanos);
        o.addProperty("size", stamp.size);
        o.addProperty("max_created", maxCreatedSoFar);
        o.add("run", run.json());
        return o;
    }

    /** The entry a line holds, or null when it is damaged. */
    static IndexEntry parse(JsonObject o) {
        JsonElement run = o.get("run");
        Long modified = Json.longValue(o, "modified_ns");
        Long size = Json.longValue(o, "size");
        String id = Json.string(o, "id");
        String maxCreated = Json.string(o, "max_created");
        if (run == null || !run.isJsonObject() || modified == null || size == null || id == null || maxCreated == null) {
            return null;
        }
        return new IndexEntry(id, new Stamp(modified, size), new RunMeta(run.getAsJsonObject()), maxCreated);
    }

    /** Appends text in one write when the file still has the given size (nobody appended since it was read). */
    static void appendIfSize(Path file, long expectedSize, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            if (ch.size() != expectedSize) return;
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
        }
    }
}
