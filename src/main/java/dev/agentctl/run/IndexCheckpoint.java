package dev.agentctl.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last line of the run index: what runs/ held when the index was last brought up to date. Every
 * run directory is either indexed (finished, an entry above) or pending (unfinished or unreadable,
 * listed here and read from meta.json every time). With it `list` knows the newest runs without
 * listing runs/ while that directory is unchanged, and after `start` made directories it finds them
 * by their ids alone.
 */
final class IndexCheckpoint {
    static final String KEY = "checkpoint";

    /** runs/ when it was listed for this checkpoint (stat taken before the listing). */
    RunDirs.State dir;
    /** Whether dir, seen unchanged, proves that no run directory came or went (see RunDirs.State). */
    boolean trusted;
    /** The generated ids of every run directory: the greatest, how many, their hash sum. */
    String generatedMax;
    long generatedCount;
    long generatedHash;
    /** Ids of every run directory that RunId.generate did not make (--run-id), indexed or not. */
    Set<String> others = new LinkedHashSet<>();
    /** Run directories with no entry: unfinished, or without a readable meta.json. */
    Set<String> pending = new LinkedHashSet<>();
    /** The greatest created_at of any entry so far (entries are read newest first until below it). */
    String maxCreated = "";

    /** Whether runs/ is provably as this checkpoint saw it, so it need not be listed. */
    boolean unchanged(RunDirs.State now) {
        return trusted && dir.modifiedNanos() == now.modifiedNanos() && dir.links() == now.links();
    }

    /** A copy to update for a listing made with runs/ in the given state. */
    IndexCheckpoint copyFor(RunDirs.State now) {
        IndexCheckpoint c = new IndexCheckpoint();
        c.dir = now;
        c.generatedMax = generatedMax;
        c.generatedCount = generatedCount;
        c.generatedHash = generatedHash;
        c.others.addAll(others);
        c.pending.addAll(pending);
        c.maxCreated = maxCreated;
        return c;
    }

    /** Counts a run directory in the fingerprint. */
    void addDir(String id) {
        if (!RunDirs.generated(id)) {
            others.add(id);
            return;
        }
        generatedCount++;
        generatedHash += RunDirs.hash(id);
        if (generatedMax == null || id.compareTo(generatedMax) > 0) generatedMax = id;
    }

    /**
     * The directories made since this checkpoint, given the listing now, or null when the listing
     * is not this checkpoint's set plus new generated ids (a run was removed, an id was given by
     * hand, a clock went back): then the index must be rebuilt.
     */
    List<String> madeSince(Collection<String> listing) {
        List<String> made = new ArrayList<>();
        long count = 0;
        long hash = 0;
        int othersSeen = 0;
        for (String id : listing) {
            if (!RunDirs.generated(id)) {
                if (!others.contains(id)) return null;
                othersSeen++;
            } else if (generatedMax != null && id.compareTo(generatedMax) <= 0) {
                count++;
                hash += RunDirs.hash(id);
            } else {
                made.add(id);
            }
        }
        return count == generatedCount && hash == generatedHash && othersSeen == others.size() ? made : null;
    }

    JsonObject toJson() {
        JsonObject c = new JsonObject();
        c.addProperty("dir_modified_ns", dir.modifiedNanos());
        c.addProperty("dir_links", dir.links());
        c.addProperty("trusted", trusted);
        c.addProperty("generated_max", generatedMax);
        c.addProperty("generated_count", generatedCount);
        c.addProperty("generated_hash", generatedHash);
        c.add("others", array(others));
        c.add("pending", array(pending));
        c.addProperty("max_created", maxCreated);
        JsonObject line = new JsonObject();
        line.add(KEY, c);
        return line;
    }

    /** The checkpoint a line holds, or null when it holds none (or a damaged one). */
    static IndexCheckpoint parse(JsonObject line) {
        JsonElement e = line.get(KEY);
        if (e == null || !e.isJsonObject()) return null;
        JsonObject c = e.getAsJsonObject();
        Long mtime = Json.longValue(c, "dir_modified_ns");
        Long links = Json.longValue(c, "dir_links");
        Long count = Json.longValue(c, "generated_count");
        Long hash = Json.longValue(c, "generated_hash");
        String maxCreated = Json.string(c, "max_created");
        if (mtime == null || links == null || count == null || hash == null || maxCreated == null) return null;
        IndexCheckpoint cp = new IndexCheckpoint();
        cp.dir = new RunDirs.State(mtime, links);
        cp.trusted = Boolean.TRUE.equals(Json.bool(c, "trusted"));
        cp.generatedMax = Json.string(c, "generated_max");
        cp.generatedCount = count;
        cp.generatedHash = hash;
        cp.maxCreated = maxCreated;
        if (!strings(c.get("others"), cp.others) || !strings(c.get("pending"), cp.pending)) return null;
        return cp;
    }

    private static JsonArray array(Set<String> ids) {
        JsonArray a = new JsonArray();
        ids.forEach(a::add);
        return a;
    }

    private static boolean strings(JsonElement e, Set<String> into) {
        if (e == null || !e.isJsonArray()) return false;
        for (JsonElement s : e.getAsJsonArray()) {
            if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString()) return false;
            into.add(s.getAsString());
        }
        return true;
    }
}
