package dev.agentctl.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.lifecycle.TaskPrompt;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;
import dev.agentctl.workspace.ProjectRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plan in either form (short: {"PROFILE": ["prompt", ...]}; full: {"tasks": [...]}) and validates
 * all of it before anything starts: every problem is collected, each naming the file, the task and the key.
 */
public final class PlanParser {
    public static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> TOP_KEYS = Set.of("group", "description", "max_parallel", "defaults", "tasks");
    private static final Set<String> DEFAULT_KEYS = Set.of("project", "profile", "timeout", "isolation");
    private static final Set<String> TASK_KEYS = Set.of("id", "title", "prompt", "prompt_file", "profile", "project",
            "timeout", "isolation", "after", "escalate");

    private final String source;
    private final Path baseDir;
    private final Config config;
    private final ProjectRegistry projects;
    private final Path cwd;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param source  the plan's name in messages (its path, or "-" for stdin)
     * @param baseDir where prompt_file paths start (the plan's directory)
     * @param cwd     where the default project is (the current directory)
     */
    public PlanParser(String source, Path baseDir, Config config, ProjectRegistry projects, Path cwd) {
        this.source = source;
        this.baseDir = baseDir;
        this.config = config;
        this.projects = projects;
        this.cwd = cwd;
    }

    public Plan parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new PlanProblems(List.of(source + ": not valid JSON: " + e.getMessage()));
        }
        if (root == null || !root.isJsonObject()) throw new PlanProblems(List.of(source + ": a plan is a JSON object"));
        JsonObject o = root.getAsJsonObject();
        Plan plan = o.has("tasks") ? full(o) : shortForm(o);
        if (!problems.isEmpty()) throw new PlanProblems(problems);
        return plan;
    }

    private Plan shortForm(JsonObject o) {
        if (o.size() == 0) problem(null, null, "no tasks (give {\"PROFILE\": [\"prompt\", ...]} or {\"tasks\": [...]})");
        List<PlanTask> tasks = new ArrayList<>();
        Project project = project(null, null, null);
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Profile profile = profile(null, e.getKey(), e.getKey());
            if (!e.getValue().isJsonArray()) {
                problem(null, e.getKey(), "must be a list of task prompts");
                continue;
            }
            int n = 0;
            for (JsonElement p : e.getValue().getAsJsonArray()) {
                String id = e.getKey() + "-" + (++n);
                String prompt = string(id, e.getKey(), p);
                if (prompt == null) continue;
                if (prompt.isBlank()) problem(id, e.getKey(), "empty prompt");
                tasks.add(new PlanTask(id, id, prompt.getBytes(StandardCharsets.UTF_8), project, profile, config.defaultTimeoutSeconds(),
                        null, List.of(), null));
            }
        }
        return new Plan(null, null, null, tasks);
    }

    private Plan full(JsonObject o) {
        unknownKeys(null, null, o, TOP_KEYS);
        String group = string(null, "group", o.get("group"));
        if (group != null && (!GroupStore.NAME.matcher(group).matches() || group.startsWith("."))) {
            problem(null, "group", "invalid group name '" + group + "' (use [A-Za-z0-9._-]+)");
        }
        String description = string(null, "description", o.get("description"));
        Integer maxParallel = null;
        JsonElement mp = o.get("max_parallel");
        if (mp != null && !mp.isJsonNull()) {
            if (mp.isJsonPrimitive() && mp.getAsJsonPrimitive().isNumber() && mp.getAsDouble() == Math.floor(mp.getAsDouble())
                    && mp.getAsDouble() >= 1 && mp.getAsDouble() <= 1000) {
                maxParallel = mp.getAsInt();
            } else {
                problem(null, "max_parallel", "must be a whole number from 1 to 1000, not " + mp);
            }
        }
        JsonObject defaults = new JsonObject();
        JsonElement d = o.get("defaults");
        if (d != null && !d.isJsonNull()) {
            if (d.isJsonObject()) {
                defaults = d.getAsJsonObject();
                unknownKeys(null, "defaults.", defaults, DEFAULT_KEYS);
            } else {
                problem(null, "defaults", "must be an object");
            }
        }
        JsonElement t = o.get("tasks");
        if (!t.isJsonArray() || t.getAsJsonArray().isEmpty()) {
            problem(null, "tasks", "must be a non-empty list of tasks");
            return new Plan(group, description, maxParallel, List.of());
        }
        List<JsonObject> raw = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonElement e : t.getAsJsonArray()) {
            index++;
            if (!e.isJsonObject()) {
                problem("#" + index, null, "a task is an object");
                continue;
            }
            JsonObject task = e.getAsJsonObject();
            String id = string("#" + index, "id", task.get("id"));
            if (id == null) {
                problem("#" + index, "id", "missing");
            } else if (!TASK_ID.matcher(id).matches()) {
                problem("#" + index, "id", "invalid task id '" + id + "' (use [A-Za-z0-9_-], at most 64)");
            } else if (!ids.add(id)) {
                problem(id, "id", "duplicate task id");
            }
            raw.add(task);
        }
        List<PlanTask> tasks = new ArrayList<>();
        index = 0;
        for (JsonObject task : raw) {
            index++;
            String id = task.get("id") != null && task.get("id").isJsonPrimitive() ? task.get("id").getAsString() : "#" + index;
            PlanTask pt = task(id, task, defaults, ids);
            if (pt != null) tasks.add(pt);
        }
        if (problems.isEmpty()) cycles(tasks);
        return new Plan(group, description, maxParallel, tasks);
    }

    private PlanTask task(String id, JsonObject task, JsonObject defaults, Set<String> ids) {
        unknownKeys(id, null, task, TASK_KEYS);
        String title = string(id, "title", task.get("title"));
        String projectName = firstString(id, "project", task, defaults);
        Project project = project(id, "project", projectName);
        String profileName = firstString(id, "profile", task, defaults);
        if (profileName == null) profileName = project != null && project.defaultProfile() != null ? project.defaultProfile() : Profile.DEFAULT;
        Profile profile = profile(id, "profile", profileName);
        String timeout = firstString(id, "timeout", task, defaults);
        Long timeoutS = config.defaultTimeoutSeconds();
        if (timeout != null) {
            try {
                timeoutS = Durations.parseSeconds(timeout, "timeout");
            } catch (AgentctlException e) {
                problem(id, "timeout", e.getMessage());
            }
        }
        String isolation = firstString(id, "isolation", task, defaults);
        if (isolation != null) {
            try {
                Config.checkIsolation(isolation, "isolation");
            } catch (AgentctlException e) {
                problem(id, "isolation", e.getMessage());
            }
        }
        String escalate = string(id, "escalate", task.get("escalate"));
        if (escalate != null) profile(id, "escalate", escalate);
        List<String> after = new ArrayList<>();
        JsonElement a = task.get("after");
        if (a != null && !a.isJsonNull()) {
            if (!a.isJsonArray()) {
                problem(id, "after", "must be a list of task ids");
            } else {
                for (JsonElement e : a.getAsJsonArray()) {
                    String dep = string(id, "after", e);
                    if (dep == null) continue;
                    if (!ids.contains(dep)) problem(id, "after", "unknown task '" + dep + "'");
                    else if (dep.equals(id)) problem(id, "after", "a task cannot wait for itself");
                    else if (!after.contains(dep)) after.add(dep);
                }
            }
        }
        byte[] prompt = prompt(id, task);
        if (prompt != null) references(id, new String(prompt, StandardCharsets.UTF_8), ids, after);
        if (prompt == null || profile == null || project == null) return null;
        return new PlanTask(id, title != null ? title : id, prompt, project, profile, timeoutS, isolation, after, escalate);
    }

    private byte[] prompt(String id, JsonObject task) {
        String inline = string(id, "prompt", task.get("prompt"));
        String file = string(id, "prompt_file", task.get("prompt_file"));
        if (inline != null && file != null) {
            problem(id, "prompt", "give prompt or prompt_file, not both");
            return null;
        }
        if (inline == null && file == null) {
            problem(id, "prompt", "missing (give prompt or prompt_file)");
            return null;
        }
        if (inline != null) {
            if (inline.isBlank()) problem(id, "prompt", "empty prompt");
            return inline.getBytes(StandardCharsets.UTF_8);
        }
        Path p = baseDir.resolve(file);
        try {
            byte[] b = Files.readAllBytes(p);
            if (b.length == 0) problem(id, "prompt_file", "empty file " + p);
            return b;
        } catch (IOException e) {
            problem(id, "prompt_file", "cannot read " + p + ": " + e.getClass().getSimpleName());
            return null;
        }
    }

    /** {{ID.field}} may only name tasks this one depends on, and fields a result has. */
    private void references(String id, String prompt, Set<String> ids, List<String> after) {
        for (TaskPrompt.Reference r : TaskPrompt.references(prompt)) {
            String ref = "{{" + r.taskId() + "." + r.field() + "}}";
            if (!ids.contains(r.taskId())) problem(id, "prompt", ref + ": unknown task '" + r.taskId() + "'");
            else if (!after.contains(r.taskId())) problem(id, "prompt", ref + ": task '" + r.taskId() + "' is not in after");
            if (!TaskPrompt.FIELDS.contains(r.field())) {
                problem(id, "prompt", ref + ": unknown field '" + r.field() + "' (use " + String.join(", ", TaskPrompt.FIELDS.stream().sorted().toList()) + ")");
            }
        }
    }

    private void cycles(List<PlanTask> tasks) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        tasks.forEach(t -> edges.put(t.id(), t.after()));
        List<String> loop = Cycles.find(edges);
        if (!loop.isEmpty()) problem(loop.get(0), "after", "cycle: " + String.join(" -> ", loop));
    }

    private Project project(String id, String key, String nameOrPath) {
        try {
            return projects.resolve(nameOrPath, cwd);
        } catch (AgentctlException e) {
            problem(id, key, e.getMessage());
            return null;
        }
    }

    private Profile profile(String id, String key, String name) {
        try {
            return config.profile(name);
        } catch (AgentctlException e) {
            problem(id, key, e.getMessage());
            return null;
        }
    }

    private String firstString(String id, String key, JsonObject task, JsonObject defaults) {
        String own = string(id, key, task.get(key));
        return own != null ? own : string(null, "defaults." + key, defaults.get(key));
    }

    private String string(String id, String key, JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e instanceof JsonPrimitive p && p.isString()) return p.getAsString();
        problem(id, key, "must be a string, not " + e);
        return null;
    }

    private void unknownKeys(String id, String prefix, JsonObject o, Set<String> known) {
        for (String k : o.keySet()) {
            if (!known.contains(k)) problem(id, (prefix == null ? "" : prefix) + k, "unknown key");
        }
    }

    private void problem(String taskId, String key, String what) {
        StringBuilder s = new StringBuilder(source).append(": ");
        if (taskId != null) s.append("task ").append(taskId).append(": ");
        if (key != null) s.append(key).append(": ");
        problems.add(s.append(what).toString());
    }
}
