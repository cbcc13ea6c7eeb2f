package dev.agentctl.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.Json;
import java.util.List;
import java.util.Set;

/**
 * A named set of agent settings; turned into the agent's flags, never into a codex -p profile.
 *
 * @param agent "codex" or "claude"; null means codex
 */
public record Profile(String name, String model, String reasoningEffort, String sandbox, String agent) {
    public static final String CODEX = "codex";
    public static final String CLAUDE = "claude";
    public static final List<String> AGENTS = List.of(CODEX, CLAUDE);
    public static final Set<String> SANDBOXES = Set.of("read-only", "workspace-write", "danger-full-access");
    /** The profile a run gets when neither the command nor the project names one. */
    public static final String DEFAULT = "spark";
    public static final Set<String> EFFORTS = Set.of("minimal", "low", "medium", "high", "xhigh");

    /** A codex profile (the agent left to the default). */
    public Profile(String name, String model, String reasoningEffort, String sandbox) {
        this(name, model, reasoningEffort, sandbox, null);
    }

    static JsonObject json(String model, String effort, String sandbox) {
        JsonObject o = new JsonObject();
        o.add("model", Json.of(model));
        o.add("reasoning_effort", Json.of(effort));
        o.add("sandbox", Json.of(sandbox));
        return o;
    }

    static Profile fromJson(String name, JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw AgentctlException.usage("config.json: profile '" + name + "' must be an object");
        }
        JsonObject o = e.getAsJsonObject();
        Profile p = new Profile(name, blank(Json.string(o, "model")), blank(Json.string(o, "reasoning_effort")),
                blank(Json.string(o, "sandbox")), blank(Json.string(o, "agent")));
        p.validate();
        return p;
    }

    public void validate() {
        if (agent != null && !AGENTS.contains(agent)) {
            throw AgentctlException.usage("profile '" + name + "': agent must be one of " + AGENTS + ", not '" + agent + "'");
        }
        checkSandbox(sandbox, "profile '" + name + "': sandbox");
        if (reasoningEffort != null && !EFFORTS.contains(reasoningEffort)) {
            throw AgentctlException.usage("profile '" + name + "': reasoning_effort must be one of " + EFFORTS
                    + ", not '" + reasoningEffort + "'");
        }
    }

    /** The agent this profile runs: codex unless it names another. */
    public String agentName() {
        return agent == null ? CODEX : agent;
    }

    /** A sandbox mode codex knows, or null (none: approvals and sandbox bypassed); {@code what} names the setting. */
    public static String checkSandbox(String sandbox, String what) {
        if (sandbox != null && !SANDBOXES.contains(sandbox)) {
            throw AgentctlException.usage(what + " must be one of " + SANDBOXES + ", not '" + sandbox + "'");
        }
        return sandbox;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
