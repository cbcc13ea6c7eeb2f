package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** config.json merged over the defaults. The user's file is never rewritten with defaults it lacks. */
public final class Config {
    public static final String LAUNCHER_TMUX = "tmux";
    public static final String LAUNCHER_DETACHED = "detached";
    public static final String ISOLATION_WORKTREE = "worktree";
    public static final String ISOLATION_SHARED = "shared";
    private static final java.util.regex.Pattern BRANCH_PREFIX = java.util.regex.Pattern.compile("([A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9._-]*");

    private static final java.util.regex.Pattern SESSION_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    public static final String MAX_CONCURRENT = "max_concurrent";
    public static final String MAX_DEPTH = "max_depth";
    public static final String MAX_RUNS_PER_GROUP = "max_runs_per_group";
    public static final String SPAWN_RULES = "spawn_rules";
    /** Not among the defaults: without it no cost is estimated. */
    public static final String PRICES = "prices";

    private final JsonObject user;
    private final String tmuxSocket;
    private final String tmuxSession;
    private final String tmuxNotifyTarget;
    private final String tmuxSendkeysTarget;
    private final String codexBin;
    private final String claudeBin;
    private final String launcher;
    private final Long defaultTimeoutSeconds;
    private final long providerRetryLimitSeconds;
    private final Prices prices;
    private final long stallAfterSeconds;
    private final long paneLingerSeconds;
    private final String stallAction;
    private final int resultMaxChars;
    private final int maxConcurrent;
    private final int maxDepth;
    private final int maxRunsPerGroup;
    private final Map<String, java.util.List<String>> spawnRules;
    private final String isolation;
    private final String branchPrefix;
    private final long worktreeSetupTimeoutSeconds;
    private final boolean paneTitles;
    private final int minPaneHeight;
    private final Map<String, Profile> profiles;

    /**
     * Parses and validates every setting at once, so a bad config.json fails every command the same
     * way, before anything is done, with the key named.
     */
    public Config(JsonObject user) {
        this.user = user == null ? new JsonObject() : user;
        JsonObject defaults = defaults();
        tmuxSocket = text("tmux_socket", defaults);
        tmuxSession = text("tmux_session", defaults);
        if (tmuxSession != null && !SESSION_NAME.matcher(tmuxSession).matches()) {
            throw AgentctlException.usage("config.json: tmux_session '" + tmuxSession
                    + "' is not a valid session name (letters, digits, '_' and '-' only)");
        }
        tmuxNotifyTarget = text("tmux_notify_target", defaults);
        tmuxSendkeysTarget = text("tmux_sendkeys_target", defaults);
        String bin = text("codex_bin", defaults);
        codexBin = bin == null ? "codex" : bin;
        String claude = text("claude_bin", defaults);
        claudeBin = claude == null ? "claude" : claude;
        launcher = oneOf("launcher", text("launcher", defaults), null, LAUNCHER_TMUX, LAUNCHER_DETACHED);
        String timeout = text("default_timeout", defaults);
        defaultTimeoutSeconds = timeout == null ? null : Durations.parseSeconds(timeout, "config.json default_timeout");
        String retry = text("provider_retry_limit", defaults);
        providerRetryLimitSeconds = retry == null ? 120 : Durations.parseSeconds(retry, "config.json provider_retry_limit");
        prices = Prices.of(this.user.get(PRICES));
        String stall = text("stall_after", defaults);
        stallAfterSeconds = stall == null ? 600 : Durations.parseSeconds(stall, "config.json stall_after");
        String linger = text("pane_linger", defaults);
        paneLingerSeconds = linger == null || linger.trim().equals("0") || linger.trim().equals("0s") ? 0
                : Durations.parseSeconds(linger, "config.json pane_linger");
        stallAction = oneOf("stall_action", text("stall_action", defaults), "notify", "notify", "kill");
        resultMaxChars = resultMaxChars(this.user.get("result_max_chars"));
        String iso = text("isolation", defaults);
        isolation = iso == null ? ISOLATION_WORKTREE : checkIsolation(iso, "config.json: isolation");
        String prefix = this.user.has("branch_prefix") ? Json.string(this.user, "branch_prefix") : null;
        branchPrefix = prefix == null ? "agentctl/" : prefix;
        if (!BRANCH_PREFIX.matcher(branchPrefix).matches() || branchPrefix.contains("..") || branchPrefix.contains(".lock/")
                || branchPrefix.contains("/.")) {
            throw AgentctlException.usage("config.json: branch_prefix \"" + branchPrefix + "\" cannot start a git branch name "
                    + "(use letters, digits, '.', '_', '-' and '/', e.g. \"agentctl/\")");
        }
        String setup = text("worktree_setup_timeout", defaults);
        worktreeSetupTimeoutSeconds = setup == null ? 600 : Durations.parseSeconds(setup, "config.json worktree_setup_timeout");
        maxConcurrent = Limits.count(userOrDefault(MAX_CONCURRENT, defaults), "config.json: " + MAX_CONCURRENT);
        maxDepth = Limits.count(userOrDefault(MAX_DEPTH, defaults), "config.json: " + MAX_DEPTH);
        maxRunsPerGroup = Limits.count(userOrDefault(MAX_RUNS_PER_GROUP, defaults), "config.json: " + MAX_RUNS_PER_GROUP);
        spawnRules = Limits.spawnRules(userOrDefault(SPAWN_RULES, defaults), "config.json: " + SPAWN_RULES);
        paneTitles = paneTitles(this.user.get("pane_titles"));
        minPaneHeight = minPaneHeight(this.user.get("min_pane_height"));
        profiles = profilesOf(this.user);
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
        d.addProperty("default_timeout", "3h"); // a finite default: null (none) only when asked for
        d.addProperty("provider_retry_limit", "2m");
        d.addProperty("stall_after", "10m");
        d.addProperty("stall_action", "notify");
        d.addProperty("pane_linger", "60s");
        d.addProperty("isolation", ISOLATION_WORKTREE);
        d.addProperty("branch_prefix", "agentctl/");
        d.addProperty("worktree_setup_timeout", "10m");
        d.addProperty(MAX_CONCURRENT, 8); // 0: no cap
        d.addProperty(MAX_DEPTH, 3);
        d.addProperty(MAX_RUNS_PER_GROUP, 25);
        d.add(SPAWN_RULES, null); // null: any profile may start any profile
        d.addProperty("pane_titles", false);
        d.addProperty("min_pane_height", 8);
        JsonObject profiles = new JsonObject();
        profiles.add(Profile.DEFAULT, Profile.json("gpt-5.3-codex-spark", "low", null));
        profiles.add("deep", Profile.json("gpt-5.5", "xhigh", null));
        profiles.add("review", Profile.json("gpt-5.5", "medium", "read-only"));
        d.add("profiles", profiles);
        return d;
    }

    public JsonObject userJson() {
        return user;
    }

    public String tmuxSocket() { return tmuxSocket; }
    /** Null means: the caller's session when inside tmux, else "ai". */
    public String tmuxSession() { return tmuxSession; }
    /** Null means: window 0 of the session runs go to. */
    public String tmuxNotifyTarget() { return tmuxNotifyTarget; }
    public String tmuxSendkeysTarget() { return tmuxSendkeysTarget; }
    public String codexBin() { return codexBin; }
    public String claudeBin() { return claudeBin; }
    /** "tmux", "detached", or null for automatic (tmux when installed). */
    public String launcher() { return launcher; }
    /** Seconds, or null for no deadline. */
    public Long defaultTimeoutSeconds() { return defaultTimeoutSeconds; }
    /** How long codex may keep reporting that it cannot reach the model before the run fails. */
    public long providerRetryLimitSeconds() { return providerRetryLimitSeconds; }
    /** Prices per model for usage's estimates; empty when none are configured. */
    public Prices prices() { return prices; }
    public long stallAfterSeconds() { return stallAfterSeconds; }
    /** How long a finished run's pane stays open to be read (0 closes it at once). */
    public long paneLingerSeconds() { return paneLingerSeconds; }
    public String stallAction() { return stallAction; }
    /**
     * Longest summary, notes, follow-up prompt or raw final message kept in meta.json, in characters:
     * a result larger than this is cut with a note rather than exhausting the supervisor's memory.
     */
    public int resultMaxChars() { return resultMaxChars; }
    /** How runs share the project's checkout by default: "worktree" (a worktree and branch each) or "shared". */
    public String isolation() { return isolation; }
    /** Worktree runs get the branch branch_prefix + run id. */
    public String branchPrefix() { return branchPrefix; }
    /** How long a project's worktree_setup command may run before the run fails. */
    public long worktreeSetupTimeoutSeconds() { return worktreeSetupTimeoutSeconds; }

    /** Validates an isolation mode named by a user (config, project, command line). */
    public static String checkIsolation(String s, String where) {
        if (!s.equals(ISOLATION_WORKTREE) && !s.equals(ISOLATION_SHARED)) {
            throw AgentctlException.usage(where + " must be \"worktree\" or \"shared\", not \"" + s + "\"");
        }
        return s;
    }

    /** Runs at a time across the workspace; 0 means no cap. */
    public int maxConcurrent() { return maxConcurrent; }

    /** How deep runs may start runs: a person's run is at depth 0. */
    public int maxDepth() { return maxDepth; }

    /** The default cap on how many runs a group may ever have. */
    public int maxRunsPerGroup() { return maxRunsPerGroup; }

    /** Which profiles a run of a profile may start; null when anything is allowed. */
    public Map<String, java.util.List<String>> spawnRules() { return spawnRules; }

    /**
     * Whether run titles go into the pane borders of windows agentctl did not create (e.g. yours, when a run
     * is split off it); windows agentctl creates always show them.
     */
    public boolean paneTitles() { return paneTitles; }

    /** Rows a run's pane keeps at least; a window without room for one more such pane gets a new window. */
    public int minPaneHeight() { return minPaneHeight; }

    private static boolean paneTitles(JsonElement e) {
        if (e == null || e.isJsonNull()) return false;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        throw AgentctlException.usage("config.json: pane_titles must be true or false, not " + e);
    }

    private static int minPaneHeight(JsonElement e) {
        if (e == null || e.isJsonNull()) return 8;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double v = e.getAsDouble();
            if (v == Math.rint(v) && v >= 2 && v <= 1000) return (int) v;
        }
        throw AgentctlException.usage("config.json: min_pane_height must be a whole number of rows from 2 to 1000, not " + e);
    }

    private JsonElement userOrDefault(String key, JsonObject defaults) {
        return user.has(key) ? user.get(key) : defaults.get(key);
    }

    /** Profiles from config.json; a user's profiles object replaces the default set as a whole. */
    public Map<String, Profile> profiles() { return profiles; }

    public Profile profile(String name) {
        Map<String, Profile> all = profiles;
        Profile p = all.get(name);
        if (p == null) {
            throw AgentctlException.usage("unknown profile '" + name + "' (known: " + String.join(", ", all.keySet()) + ")");
        }
        return p;
    }

    private static int resultMaxChars(JsonElement e) {
        if (e == null || e.isJsonNull()) return 1024 * 1024;
        try {
            long n = e.getAsLong();
            if (n >= 1000 && n <= 64L * 1024 * 1024) return (int) n;
        } catch (RuntimeException ignored) {
            // named below
        }
        throw AgentctlException.usage("config.json: result_max_chars must be a number from 1000 to 67108864, not " + e);
    }

    /** The user's value of key, else the default; blank counts as unset. */
    private String text(String key, JsonObject defaults) {
        return blankToNull(user.has(key) ? Json.string(user, key) : Json.string(defaults, key));
    }

    private static String oneOf(String key, String value, String unset, String... allowed) {
        if (value == null) return unset;
        for (String a : allowed) {
            if (a.equals(value)) return value;
        }
        throw AgentctlException.usage("config.json: " + key + " must be \"" + String.join("\" or \"", allowed)
                + "\", not \"" + value + "\"");
    }

    /** The profiles config.json defines (or the default set), validated. */
    public static Map<String, Profile> profilesOf(JsonObject user) {
        JsonElement e = user != null && user.has("profiles") ? user.get("profiles") : defaults().get("profiles");
        Map<String, Profile> out = new LinkedHashMap<>();
        if (e != null && e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
                out.put(p.getKey(), Profile.fromJson(p.getKey(), p.getValue()));
            }
        } else if (e != null && !e.isJsonNull()) {
            throw AgentctlException.usage("config.json: profiles must be an object");
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
