package dev.agentctl.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a group's batch is: its tasks in the plan's order, each with its dependencies and the run that does
 * it now (a --resume replaces the runs of tasks that did not succeed). groups/.batches/NAME.json, written
 * atomically; hidden from the group listing, which reads groups/*.json.
 */
public record BatchRecord(String group, String source, List<Entry> tasks) {
    public record Entry(String id, String runId, List<String> after) {}

    public BatchRecord {
        tasks = List.copyOf(tasks);
    }

    public static Path file(Workspace ws, String group) {
        return new GroupStore(ws).dir().resolve(".batches").resolve(GroupStore.validateName(group) + ".json");
    }

    /** The batch of that group, or null when the group never ran one. */
    public static BatchRecord find(Workspace ws, String group) {
        Path f = file(ws, group);
        try {
            JsonObject o = Json.readObject(f);
            if (o == null) return null;
            List<Entry> tasks = new ArrayList<>();
            JsonElement t = o.get("tasks");
            if (t != null && t.isJsonArray()) {
                for (JsonElement e : t.getAsJsonArray()) {
                    JsonObject x = e.getAsJsonObject();
                    List<String> after = new ArrayList<>();
                    if (x.has("after") && x.get("after").isJsonArray()) x.getAsJsonArray("after").forEach(a -> after.add(a.getAsString()));
                    tasks.add(new Entry(Json.string(x, "id"), Json.string(x, "run_id"), after));
                }
            }
            return new BatchRecord(group, Json.string(o, "source"), tasks);
        } catch (CorruptFileException | IllegalStateException | ClassCastException e) {
            throw AgentctlException.failed("cannot read " + f + ": " + e.getMessage());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    public static BatchRecord require(Workspace ws, String group) {
        BatchRecord r = find(ws, group);
        if (r == null) throw AgentctlException.usage("group '" + group + "' has no batch");
        return r;
    }

    /** Removes the group's batch record (a submission that failed takes back the one it wrote). */
    public static void delete(Workspace ws, String group) {
        Path f = file(ws, group);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot remove " + f + ": " + e.getMessage(), e);
        }
    }

    public Entry task(String id) {
        for (Entry e : tasks) if (e.id().equals(id)) return e;
        return null;
    }

    public void write(Workspace ws) {
        JsonObject o = new JsonObject();
        o.addProperty("group", group);
        o.add("source", Json.of(source));
        JsonArray a = new JsonArray();
        for (Entry e : tasks) {
            JsonObject x = new JsonObject();
            x.addProperty("id", e.id());
            x.add("run_id", Json.of(e.runId()));
            JsonArray after = new JsonArray();
            e.after().forEach(after::add);
            x.add("after", after);
            a.add(x);
        }
        o.add("tasks", a);
        Path f = file(ws, group);
        try {
            Files.createDirectories(f.getParent());
            Json.writeAtomically(f, o);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}
