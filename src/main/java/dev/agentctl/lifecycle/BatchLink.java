package dev.agentctl.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's place in a batch plan: its task id, the runs of the tasks it depends on (task id to run id, which
 * its prompt's {{ID.field}} templates read when it is launched) and the profile it escalates to (or null).
 */
public record BatchLink(String taskId, Map<String, String> deps, String escalate) {
    public BatchLink {
        deps = deps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deps));
    }
}
