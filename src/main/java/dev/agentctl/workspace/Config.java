package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.cli.AgentctlException;
import dev.agentctl.run.Durations;
import dev.agentctl.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** config.json merged over the defaults. The user's file is never rewritten with defaults it lacks. */
public final class Config {
    public static final String LAUNCHER_TMUX = "tmux";
    public static final String LAUNCHER_DETACHED = "detached";

    private final JsonObject user;

    public Config(JsonObject user) {
        this.user = user == null ? new JsonObject() : user;
    }

    /** The defaults, in the order init writes them. */
    public static JsonObject defaults() {
        JsonObject d = new JsonObject();
        d.add("tmux_socket", null);
        d.add("tmux_session", null);
        d.add("tmux_notify_target", null);
        d.addProperty("tmux_sendkeys_target", "");
        d.addProperty("codex_bin", "codex");
        d.addProperty("claude_bin", "claude");
        d.add("launcher", null); // null: tmux when installed, else detached with a warning
        d.add("default_timeout", null);
        d.addProperty("stall_after", "10m");
        d.addProperty("stall_action", "notify");
        d.addProperty("pane_linger", "60s");
        JsonObject profiles = new JsonObject();
        profiles.add("spark", Profile.json("gpt-5.3-codex-spark", "low", null));
        profiles.add("deep", Profile.json("gpt-5.5", "xhigh", null));
        profiles.add("review", Profile.json("gpt-5.5", "medium", "read-only"));
        d.add("profiles", profiles);
        return d;
    }

    public JsonObject userJson() {
        return user;
    }

    private String str(String key) {
        return user.has(key) ? Json.string(user, key) : Json.string(defaults(), key);
    }

    public String tmuxSocket() { return blankToNull(str("tmux_socket")); }
    /** Null means: the caller's session when inside tmux, else "ai". */
    public String tmuxSession() { return blankToNull(str("tmux_session")); }
    /** Null means: window 0 of the session runs go to. */
    public String tmuxNotifyTarget() { return blankToNull(str("tmux_notify_target")); }
    public String tmuxSendkeysTarget() { return blankToNull(str("tmux_sendkeys_target")); }
    public String codexBin() { String s = blankToNull(str("codex_bin")); return s == null ? "codex" : s; }
    public String claudeBin() { String s = blankToNull(str("claude_bin")); return s == null ? "claude" : s; }

    /** "tmux", "detached", or null for automatic (tmux when installed). */
    public String launcher() {
        String s = blankToNull(str("launcher"));
        if (s == null) return null;
        if (!s.equals(LAUNCHER_TMUX) && !s.equals(LAUNCHER_DETACHED)) {
            throw AgentctlException.usage("config.json: launcher must be \"tmux\" or \"detached\", not \"" + s + "\"");
        }
        return s;
    }

    /** Seconds, or null for no deadline. */
    public Long defaultTimeoutSeconds() {
        String s = blankToNull(str("default_timeout"));
        return s == null ? null : Durations.parseSeconds(s, "config.json default_timeout");
    }

    public long stallAfterSeconds() {
        String s = blankToNull(str("stall_after"));
        return s == null ? 600 : Durations.parseSeconds(s, "config.json stall_after");
    }

    /** How long a finished run's pane stays open to be read (0 closes it at once). */
    public long paneLingerSeconds() {
        String s = blankToNull(str("pane_linger"));
        if (s == null || s.trim().equals("0") || s.trim().equals("0s")) return 0;
        return Durations.parseSeconds(s, "config.json pane_linger");
    }

    public String stallAction() {
        String s = blankToNull(str("stall_action"));
        if (s == null) return "notify";
        if (!s.equals("notify") && !s.equals("kill")) {
            throw AgentctlException.usage("config.json: stall_action must be \"notify\" or \"kill\", not \"" + s + "\"");
        }
        return s;
    }

    /** Profiles from config.json; a user's profiles object replaces the default set as a whole. */
    public Map<String, Profile> profiles() {
        JsonElement e = user.has("profiles") ? user.get("profiles") : defaults().get("profiles");
        Map<String, Profile> out = new LinkedHashMap<>();
        if (e != null && e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
                out.put(p.getKey(), Profile.fromJson(p.getKey(), p.getValue()));
            }
        } else if (e != null && !e.isJsonNull()) {
            throw AgentctlException.usage("config.json: profiles must be an object");
        }
        return out;
    }

    public Profile profile(String name) {
        Map<String, Profile> all = profiles();
        Profile p = all.get(name);
        if (p == null) {
            throw AgentctlException.usage("unknown profile '" + name + "' (known: " + String.join(", ", all.keySet()) + ")");
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
