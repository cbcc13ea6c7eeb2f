package dev.agentctl.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * What a meta.json must look like before anything acts on it: the run's identity is its directory
 * name, so a run_id that disagrees (a copied or hand-edited file) could make a reconcile finalize
 * another, live run; and a field of the wrong type would be misread (a pid that is a string reads
 * as "no supervisor"). Such a meta is refused with a reason, never half-used.
 */
final class MetaShape {
    private static final List<String> STRINGS = List.of("status", "outcome", "title", "project", "project_dir",
            "profile", "created_at", "started_at", "ended_at", "mode", "parent_run_id", "thread_id", "resume_thread_id",
            "error", "kill_reason", "launcher", "tmux_session", "pane_id", "base_commit", "start_tree", "model",
            "sandbox", "reasoning_effort", "last_event_at", "git_diff_stat", "held");
    private static final List<String> NUMBERS = List.of("supervisor_pid", "supervisor_started_at_ms", "codex_pid",
            "codex_started_at_ms", "launch_pid", "launch_started_at_ms", "exit_code", "timeout_s", "duration_s", "held_by_pid", "held_by_started_at_ms");
    private static final List<String> BOOLEANS = List.of("goal_met", "stalled");

    private MetaShape() {}

    /** Why the meta cannot be used for run dirName, or null when it can. */
    static String problem(String dirName, JsonObject m) {
        JsonElement id = m.get("run_id");
        if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) return "it has no run_id";
        if (!id.getAsString().equals(dirName)) return "its run_id does not match its directory";
        for (String k : STRINGS) if (!is(m.get(k), Kind.STRING)) return "'" + k + "' is not a string";
        for (String k : NUMBERS) if (!is(m.get(k), Kind.NUMBER)) return "'" + k + "' is not a number";
        for (String k : BOOLEANS) if (!is(m.get(k), Kind.BOOLEAN)) return "'" + k + "' is not true or false";
        JsonElement argv = m.get("codex_argv");
        if (argv != null && !argv.isJsonNull()) {
            if (!argv.isJsonArray()) return "'codex_argv' is not a list";
            for (JsonElement e : argv.getAsJsonArray()) if (!is(e, Kind.STRING) || e.isJsonNull()) return "'codex_argv' holds a non-string";
        }
        return null;
    }

    private enum Kind { STRING, NUMBER, BOOLEAN }

    /** Absent and null are fine for every field; anything else must have the kind. */
    private static boolean is(JsonElement e, Kind kind) {
        if (e == null || e.isJsonNull()) return true;
        if (!e.isJsonPrimitive()) return false;
        var p = e.getAsJsonPrimitive();
        return switch (kind) {
            case STRING -> p.isString();
            case NUMBER -> p.isNumber();
            case BOOLEAN -> p.isBoolean();
        };
    }
}
