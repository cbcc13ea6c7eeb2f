package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns what a person types for a run into its id, as git and docker do: the whole id, a unique prefix of
 * it or of its random suffix ("14e068" for 20260215-143022-14e068a), or "last" / "@" for the newest run.
 * Every command that accepts a run id resolves it here.
 */
public final class RunRef {
    public static final String LAST = "last";
    public static final String NEWEST = "@";
    /** At most this many candidates are named when a prefix is ambiguous. */
    static final int MAX_CANDIDATES = 10;

    private RunRef() {}

    public static RunId resolve(RunStore store, String ref) {
        if (LAST.equals(ref) || NEWEST.equals(ref)) return newest(store);
        RunId whole = RunId.of(ref);
        // The whole id: one stat, no directory listing (the common case in scripts).
        if (Files.isDirectory(store.dir(whole))) return whole;
        List<RunId> matches = new ArrayList<>();
        for (RunId id : store.ids()) {
            if (id.value().startsWith(ref) || suffix(id.value()).startsWith(ref)) matches.add(id);
        }
        if (matches.isEmpty()) throw AgentctlException.usage("unknown run id '" + ref + "'");
        if (matches.size() == 1) return matches.get(0);
        Collections.sort(matches, Collections.reverseOrder());
        List<RunId> shown = matches.size() > MAX_CANDIDATES ? matches.subList(0, MAX_CANDIDATES) : matches;
        throw AgentctlException.usage("run id '" + ref + "' is ambiguous: it matches "
                + String.join(", ", shown.stream().map(RunId::value).toList())
                + (matches.size() > shown.size() ? " and " + (matches.size() - shown.size()) + " more" : "")
                + "; give more characters");
    }

    /** Resolves each reference; all are checked before any is used. */
    public static List<RunId> resolveAll(RunStore store, List<String> refs) {
        List<RunId> ids = new ArrayList<>(refs.size());
        for (String ref : refs) ids.add(resolve(store, ref));
        return ids;
    }

    /** The random part of a generated id (after the date and time); the whole id for any other. */
    static String suffix(String id) {
        int second = id.indexOf('-', id.indexOf('-') + 1);
        return second < 0 ? id : id.substring(second + 1);
    }

    private static RunId newest(RunStore store) {
        RunId newest = null;
        String newestCreated = null;
        for (RunId id : store.ids()) {
            RunMeta m = store.readQuietly(id);
            String created = m == null || m.createdAt() == null ? "" : m.createdAt();
            // Same order as list: created_at, then id.
            if (newest == null || created.compareTo(newestCreated) > 0
                    || created.equals(newestCreated) && id.compareTo(newest) > 0) {
                newest = id;
                newestCreated = created;
            }
        }
        if (newest == null) throw AgentctlException.usage("there are no runs yet, so '" + LAST + "' names none");
        return newest;
    }
}
