package dev.agentctl.lifecycle;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's environment, carried to the supervisor in a file only the user can read (0600 in a
 * 0700 directory) and deleted as soon as it is read: a tmux pane inherits the tmux server's
 * environment, not the caller's, and secrets must not go on a command line where ps shows them.
 */
public final class CallerEnvironment {
    public static final String FILE = "env.json";

    private CallerEnvironment() {}

    public static void write(Path runDir, Map<String, String> env) throws IOException {
        JsonObject o = new JsonObject();
        env.forEach(o::addProperty);
        AtomicFiles.createPrivate(runDir.resolve(FILE), Json.compact(o).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads and deletes the file; null when it is not there (e.g. a second supervisor). */
    public static Map<String, String> readAndDelete(Path runDir) throws IOException {
        Map<String, String> env = read(runDir);
        Files.deleteIfExists(runDir.resolve(FILE));
        return env;
    }

    /**
     * Reads the file and leaves it for the supervisor: a queued run is launched later, by whichever agentctl
     * process frees its slot, which needs the caller's tmux pane and PATH to launch it as the caller would have.
     */
    public static Map<String, String> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) return null;
        JsonObject o = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getValue().isJsonPrimitive()) env.put(e.getKey(), e.getValue().getAsString());
        }
        return env;
    }
}
