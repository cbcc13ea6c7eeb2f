package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** projects.json: {"projects": {name: {path, default_profile, added_at}}}; changed only under the lock. */
public final class ProjectRegistry {
    public static final String MAX_CONCURRENT = "max_concurrent";
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Workspace workspace;

    public ProjectRegistry(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Whether the name was already registered (and so updated). */
    public record AddResult(Project project, boolean updated) {}

    public AddResult add(String name, String path, String defaultProfile) {
        return add(name, path, defaultProfile, null, null);
    }

    /** isolation and worktreeSetup: null keeps what a re-added project had; "" clears it. */
    public AddResult add(String name, String path, String defaultProfile, String isolation, String worktreeSetup) {
        validateName(name);
        if (isolation != null && !isolation.isEmpty()) Config.checkIsolation(isolation, "--isolation");
        Path dir = realDirectory(path);
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            JsonObject root = read();
            JsonObject projects = projectsOf(root);
            boolean updated = projects.has(name);
            JsonObject entry = updated && projects.get(name).isJsonObject() ? projects.getAsJsonObject(name) : new JsonObject();
            entry.addProperty("path", dir.toString());
            entry.add("default_profile", Json.of(defaultProfile));
            if (!entry.has("added_at")) entry.addProperty("added_at", Instant.now().toString());
            setOrClear(entry, "isolation", isolation);
            setOrClear(entry, "worktree_setup", worktreeSetup);
            projects.add(name, entry);
            Json.writeAtomically(workspace.projectsFile(), root);
            return new AddResult(toProject(name, entry), updated);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + workspace.projectsFile() + ": " + e.getMessage(), e);
        }
    }

    private static void setOrClear(JsonObject entry, String key, String value) {
        if (value == null) return;
        if (value.isEmpty()) entry.remove(key); else entry.addProperty(key, value);
    }

    /** Creates an empty registry when there is none; an existing one is left as it is. */
    public void ensureFile() {
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            if (!Files.exists(workspace.projectsFile())) {
                JsonObject root = new JsonObject();
                root.add("projects", new JsonObject());
                Json.writeAtomically(workspace.projectsFile(), root);
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + workspace.projectsFile() + ": " + e.getMessage(), e);
        }
    }

    public void remove(String name) {
        validateName(name);
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            JsonObject root = read();
            if (projectsOf(root).remove(name) == null) {
                throw AgentctlException.usage("unknown project '" + name + "'");
            }
            Json.writeAtomically(workspace.projectsFile(), root);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + workspace.projectsFile() + ": " + e.getMessage(), e);
        }
    }

    /** Sets (null: removes) a project's own cap on runs at a time, kept beside its entry in projects.json. */
    public void setMaxConcurrent(String name, Integer cap) {
        validateName(name);
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            JsonObject root = read();
            JsonElement e = projectsOf(root).get(name);
            if (e == null || !e.isJsonObject()) throw AgentctlException.usage("unknown project '" + name + "'");
            e.getAsJsonObject().add(MAX_CONCURRENT, Json.of(cap));
            Json.writeAtomically(workspace.projectsFile(), root);
        } catch (IOException ex) {
            throw AgentctlException.failed("cannot write " + workspace.projectsFile() + ": " + ex.getMessage(), ex);
        }
    }

    /** The projects that have a cap on runs at a time, by name. */
    public Map<String, Integer> concurrencyCaps() {
        Map<String, Integer> caps = new java.util.HashMap<>();
        if (!Files.exists(workspace.projectsFile())) return caps;
        for (Map.Entry<String, JsonElement> e : projectsOf(read()).entrySet()) {
            if (!e.getValue().isJsonObject()) continue;
            Integer cap = Limits.countOrNull(e.getValue().getAsJsonObject().get(MAX_CONCURRENT),
                    "projects.json: project " + e.getKey() + " " + MAX_CONCURRENT);
            if (cap != null) caps.put(e.getKey(), cap);
        }
        return caps;
    }

    public List<Project> list() {
        List<Project> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : projectsOf(read()).entrySet()) {
            out.add(toProject(e.getKey(), e.getValue()));
        }
        return out;
    }

    public Project find(String name) {
        JsonElement e = projectsOf(read()).get(name);
        return e == null ? null : toProject(name, e);
    }

    /**
     * A registered name, else an existing directory path (relative to cwd). Anything else is an
     * unknown project.
     */
    public Project resolve(String nameOrPath, Path cwd) {
        if (nameOrPath == null) {
            Path dir = realDirectory(cwd.toString());
            return new Project(dir.getFileName() == null ? "root" : dir.getFileName().toString(), dir, null);
        }
        if (NAME.matcher(nameOrPath).matches()) {
            Project p = find(nameOrPath);
            if (p != null) {
                if (!Files.isDirectory(p.dir())) {
                    throw AgentctlException.usage("project '" + p.name() + "': directory " + p.dir() + " is missing or not a directory");
                }
                return p;
            }
        }
        boolean looksLikePath = nameOrPath.contains("/") || nameOrPath.equals(".") || nameOrPath.equals("..");
        if (!looksLikePath) {
            throw AgentctlException.usage("unknown project '" + nameOrPath + "' (see agentctl projects; or give a path)");
        }
        Path dir = realDirectory(cwd.resolve(nameOrPath).toString());
        return new Project(dir.getFileName() == null ? "root" : dir.getFileName().toString(), dir, null);
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw AgentctlException.usage("bad project name '" + name + "' (use letters, digits, '.', '_', '-'; at most 100)");
        }
    }

    static Path realDirectory(String path) {
        if (path == null || path.isEmpty()) {
            throw AgentctlException.usage("project path is empty");
        }
        Path p = Paths.get(path).toAbsolutePath();
        if (!Files.exists(p)) {
            throw AgentctlException.usage("project path " + p + " does not exist");
        }
        if (!Files.isDirectory(p)) {
            throw AgentctlException.usage("project path " + p + " is not a directory");
        }
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw AgentctlException.usage("project path " + p + ": " + e.getMessage());
        }
    }

    private JsonObject read() {
        try {
            JsonObject root = Json.readObject(workspace.projectsFile());
            return root == null ? new JsonObject() : root;
        } catch (CorruptFileException e) {
            throw AgentctlException.failed(e.getMessage() + "; fix it by hand (it is never replaced automatically)");
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + workspace.projectsFile() + ": " + e.getMessage(), e);
        }
    }

    private JsonObject projectsOf(JsonObject root) {
        JsonElement e = root.get("projects");
        if (e == null || e.isJsonNull()) {
            JsonObject p = new JsonObject();
            root.add("projects", p);
            return p;
        }
        if (!e.isJsonObject()) {
            throw AgentctlException.failed(workspace.projectsFile() + ": \"projects\" is not an object; fix it by hand");
        }
        return e.getAsJsonObject();
    }

    private Project toProject(String name, JsonElement e) {
        if (!e.isJsonObject() || Json.string(e.getAsJsonObject(), "path") == null) {
            throw AgentctlException.failed(workspace.projectsFile() + ": project '" + name + "' has no path; fix it by hand");
        }
        JsonObject o = e.getAsJsonObject();
        return new Project(name, Paths.get(Json.string(o, "path")), Json.string(o, "default_profile"),
                Json.string(o, "isolation"), Json.string(o, "worktree_setup"));
    }
}
