package dev.agentctl.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds a cycle in "waits for" edges, for a plan's refusal to name it. */
final class Cycles {
    private Cycles() {}

    /** The first cycle found, as the ids around it with the first repeated at the end; empty when there is none. */
    static List<String> find(Map<String, List<String>> edges) {
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            String found = from(start, edges, done, path);
            if (found != null) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(found), path.size()));
                loop.add(found);
                return loop;
            }
        }
        return List.of();
    }

    private static String from(String id, Map<String, List<String>> edges, Set<String> done, List<String> path) {
        if (path.contains(id)) return id;
        if (done.contains(id)) return null;
        path.add(id);
        for (String dep : edges.getOrDefault(id, List.of())) {
            String found = from(dep, edges, done, path);
            if (found != null) return found;
        }
        path.remove(path.size() - 1);
        done.add(id);
        return null;
    }
}
