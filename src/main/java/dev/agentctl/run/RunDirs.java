package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the run index needs to know about runs/ without listing it: its modification time and link
 * count (a directory's links count its subdirectories), which change whenever a run directory is
 * made or removed, and a fingerprint of the ids it held when it was last listed.
 */
final class RunDirs {
    private RunDirs() {}

    /** runs/ as stat(2) sees it; links is 0 where the file system does not say. */
    record State(long modifiedNanos, long links) {
        static State of(Path runsDir) {
            try {
                Map<String, Object> a = Files.readAttributes(runsDir, "unix:lastModifiedTime,nlink");
                Object links = a.get("nlink");
                return new State(((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                        links instanceof Number n ? n.longValue() : 0);
            } catch (IOException | RuntimeException e) {
                return new State(-1, 0);
            }
        }

        /**
         * Whether an unchanged state proves an unchanged set of run directories. Without a link count
         * (some file systems keep 1 for directories) a directory made in the same clock tick as the
         * recorded time would go unseen, so a time that recent is not trusted.
         */
        boolean provesContents(long nowNanos) {
            return modifiedNanos >= 0 && (links > 1 || nowNanos - modifiedNanos > TimeUnit.SECONDS.toNanos(2));
        }
    }

    /**
     * Names of the run directories, unsorted: not the dot files next to them, nor a name no run can have
     * (a stray directory is not a run, as for {@link RunStore#ids}); so every name is a valid RunId.
     */
    static List<String> list(Path runsDir) {
        // File.list: names only, no Path object per entry, which counts at ten thousand runs.
        String[] names = runsDir.toFile().list();
        if (names == null) {
            if (!Files.isDirectory(runsDir)) return new ArrayList<>();
            throw AgentctlException.failed("cannot list " + runsDir);
        }
        List<String> ids = new ArrayList<>(names.length);
        for (String n : names) {
            if (!n.startsWith(".") && RunId.parse(n) != null) ids.add(n);
        }
        return ids;
    }

    /**
     * Whether an id looks like one RunId.generate made ("20260215-143022-ab12cd"): those sort by
     * time, so ids made since a listing sort after every generated id it saw.
     */
    static boolean generated(String id) {
        if (id.length() != 22 || id.charAt(8) != '-' || id.charAt(15) != '-') return false;
        for (int i = 0; i < 22; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 15) continue;
            boolean ok = i < 15 ? c >= '0' && c <= '9' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) return false;
        }
        return true;
    }

    /** A 64-bit FNV-1a hash; a set's fingerprint is the sum over its members, in any order. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
