package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.util.Map;

/** Reads config.json; init fills in missing default keys and keeps every other key as it is. */
public final class ConfigStore {
    private final Workspace workspace;

    public ConfigStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public Config load() {
        try {
            return new Config(Json.readObject(workspace.configFile()));
        } catch (CorruptFileException e) {
            throw AgentctlException.failed(e.getMessage() + "; fix or remove it (agentctl init writes a fresh one)");
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + workspace.configFile() + ": " + e.getMessage(), e);
        }
    }

    /** Returns true when the file was created or gained keys. */
    public boolean writeMissingDefaults() {
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            JsonObject current = load().userJson();
            boolean created = !java.nio.file.Files.exists(workspace.configFile());
            boolean changed = created;
            for (Map.Entry<String, JsonElement> d : Config.defaults().entrySet()) {
                if (!current.has(d.getKey())) {
                    current.add(d.getKey(), d.getValue());
                    changed = true;
                }
            }
            if (changed) {
                Json.writeAtomically(workspace.configFile(), current);
            }
            return changed;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + workspace.configFile() + ": " + e.getMessage(), e);
        }
    }
}
