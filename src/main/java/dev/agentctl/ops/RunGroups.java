package dev.agentctl.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.cli.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Groups of runs (the MCP group and task tools), kept as one record per group in groups/<id>.json that
 * lists its runs. A stand-in until run groups are a feature of their own: everything about groups goes
 * through this one class, so that feature can replace it.
 */
public final class RunGroups {
    private final Path dir;

    public RunGroups(Workspace workspace) {
        this.dir = workspace.home().resolve("groups");
    }

    /** Creates a group and returns its record. */
    public JsonObject create(String name, String description, String priority) {
        JsonObject g = new JsonObject();
        g.addProperty("group_id", "grp-" + RunId.generate());
        g.addProperty("name", name);
        g.addProperty("description", description);
        g.addProperty("priority", priority);
        g.addProperty("created_at", RunMeta.now());
        g.add("run_ids", new JsonArray());
        locked(() -> {
            write(g);
            return null;
        });
        return g;
    }

    /** The group's record; an unknown id is a usage error. */
    public JsonObject read(String groupId) {
        Path file = file(groupId);
        try {
            JsonObject g = Json.readObject(file);
            if (g == null) throw AgentctlException.usage("unknown group '" + groupId + "'");
            return g;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records that runId belongs to the group. */
    public void addRun(String groupId, String runId) {
        update(groupId, g -> {
            g.getAsJsonArray("run_ids").add(runId);
            return g;
        });
    }

    public List<String> runIds(String groupId) {
        List<String> ids = new ArrayList<>();
        JsonElement a = read(groupId).get("run_ids");
        if (a != null && a.isJsonArray()) a.getAsJsonArray().forEach(e -> ids.add(e.getAsString()));
        return ids;
    }

    /** Every group's record, oldest first. */
    public List<JsonObject> all() {
        List<JsonObject> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                try {
                    JsonObject g = Json.readObject(p);
                    if (g != null) out.add(g);
                } catch (IOException | RuntimeException e) {
                    // a damaged record is skipped here; reading it by id names the problem
                }
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(g -> Json.string(g, "created_at") == null ? "" : Json.string(g, "created_at")));
        return out;
    }

    private void update(String groupId, UnaryOperator<JsonObject> change) {
        locked(() -> {
            write(change.apply(read(groupId)));
            return null;
        });
    }

    private void write(JsonObject g) {
        Path file = file(Json.string(g, "group_id"));
        try {
            Json.writeAtomically(file, g);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T locked(java.util.function.Supplier<T> work) {
        try {
            Files.createDirectories(dir);
            try (FileLock ignored = FileLock.acquire(dir.resolve(".lock"))) {
                return work.get();
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot lock " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Group ids share the run id alphabet, so no id escapes groups/. */
    private Path file(String groupId) {
        try {
            return dir.resolve(RunId.validate(groupId) + ".json");
        } catch (AgentctlException e) {
            throw AgentctlException.usage("unknown group '" + groupId + "'");
        }
    }
}
