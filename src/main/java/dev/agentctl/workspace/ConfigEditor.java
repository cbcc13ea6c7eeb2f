package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * `agentctl config get|set|list`: one setting at a time, validated as the commands that use it would,
 * written atomically under the workspace lock; keys agentctl does not know are kept as they are.
 */
public final class ConfigEditor {
    /** Settings whose value is JSON (an object) rather than text. */
    private static final Set<String> JSON_VALUED = Set.of("profiles", Config.PRICES, Config.SPAWN_RULES);
    /** Settings that may be null, each with what null means. */
    private static final Set<String> NULLABLE = Set.of("tmux_socket", "tmux_session", "tmux_notify_target", "launcher",
            "default_timeout", Config.PRICES, Config.SPAWN_RULES);

    private final Workspace workspace;

    public ConfigEditor(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every known setting with its value in effect (the user's, else the default), then the user's other keys. */
    public JsonObject effective() {
        JsonObject user = new ConfigStore(workspace).load().userJson();
        JsonObject out = new JsonObject();
        for (String key : known()) out.add(key, user.has(key) ? user.get(key) : defaultOf(key));
        for (Map.Entry<String, JsonElement> e : user.entrySet()) {
            if (!out.has(e.getKey())) out.add(e.getKey(), e.getValue());
        }
        return out;
    }

    public JsonElement get(String key) {
        JsonObject all = effective();
        if (!all.has(key)) throw unknown(key);
        return all.get(key);
    }

    /** Sets key to the value as typed ("null" clears a nullable one); returns the value stored. */
    public JsonElement set(String key, String typed) {
        if (!known().contains(key)) throw unknown(key);
        JsonElement value = parse(key, typed);
        try (FileLock ignored = FileLock.acquire(workspace.sharedLock())) {
            // Read as it is, not parsed: a setting agentctl refuses can be corrected with set.
            JsonObject user = Json.readObject(workspace.configFile());
            JsonObject candidate = user == null ? new JsonObject() : user.deepCopy();
            candidate.add(key, value);
            validate(newConfig(candidate), key);
            Json.writeAtomically(workspace.configFile(), candidate);
            return value;
        } catch (CorruptFileException e) {
            throw AgentctlException.failed(e.getMessage() + "; fix or remove it (agentctl init writes a fresh one)");
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + workspace.configFile() + ": " + e.getMessage(), e);
        }
    }

    private static JsonElement parse(String key, String typed) {
        if (typed.equals("null")) {
            if (!NULLABLE.contains(key)) throw AgentctlException.usage(key + " cannot be null");
            return JsonNull.INSTANCE;
        }
        if (isNumber(defaultOf(key))) {
            // Counts are JSON numbers; "4" stays a string, which Config names as the wrong type.
            try {
                return new JsonPrimitive(Long.parseLong(typed.strip()));
            } catch (NumberFormatException e) {
                return new JsonPrimitive(typed);
            }
        }
        if (!JSON_VALUED.contains(key)) return new JsonPrimitive(typed);
        try {
            JsonElement e = JsonParser.parseString(typed);
            if (!e.isJsonObject()) throw new IllegalArgumentException("not an object");
            return e;
        } catch (RuntimeException e) {
            throw AgentctlException.usage(key + " takes a JSON object, e.g. " + example(key));
        }
    }

    /** Parses the new settings the way every command will, so a value they would refuse is refused now. */
    private static void validate(Config c, String key) {
        if (key.equals("codex_bin") && c.userJson().get(key).getAsString().isBlank()) {
            throw AgentctlException.usage("codex_bin must not be empty");
        }
    }

    private static Config newConfig(JsonObject candidate) {
        try {
            return new Config(candidate);
        } catch (AgentctlException e) {
            throw AgentctlException.usage(e.getMessage().replaceFirst("^config\\.json:? ", ""));
        }
    }

    private static String example(String key) {
        if (key.equals(Config.SPAWN_RULES)) return "'{\"deep\": [\"spark\", \"review\"]}'";
        return key.equals(Config.PRICES) ? "'{\"gpt-5.5\": {\"input\": 1.25, \"cached_input\": 0.125, \"output\": 10}}'"
                : "'{\"spark\": {\"model\": \"gpt-5.3-codex-spark\", \"reasoning_effort\": \"low\", \"sandbox\": null}}'";
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    private static JsonElement defaultOf(String key) {
        JsonElement d = Config.defaults().get(key);
        return d == null ? JsonNull.INSTANCE : d;
    }

    /** The settings agentctl reads: the defaults' keys and prices. */
    public static Set<String> known() {
        Set<String> keys = new java.util.LinkedHashSet<>(Config.defaults().keySet());
        keys.add(Config.PRICES);
        return keys;
    }

    private static AgentctlException unknown(String key) {
        return AgentctlException.usage("unknown setting '" + key + "' (known: " + String.join(", ", new TreeSet<>(known())) + ")");
    }
}
