package dev.agentctl.lifecycle;

import dev.agentctl.agent.AgentBackend;
import dev.agentctl.claude.ClaudeBackend;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.codex.CodexBackend;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;

/**
 * The agents agentctl knows, by name. It stands above the agent packages so that none of them depends on
 * another. A run or profile without an agent (made before there was a choice) means codex.
 */
public final class Backends {
    private static final AgentBackend CODEX = new CodexBackend();
    private static final AgentBackend CLAUDE = new ClaudeBackend();

    private Backends() {}

    /** The executable config.json names for agent (codex_bin, claude_bin). */
    public static String configuredBin(AgentBackend agent, Config config) {
        return agent == CLAUDE ? config.claudeBin() : config.codexBin();
    }

    /** The backend for name (null: codex). */
    public static AgentBackend of(String name) {
        if (name == null || Profile.CODEX.equals(name)) return CODEX;
        if (Profile.CLAUDE.equals(name)) return CLAUDE;
        throw AgentctlException.usage("agent must be one of " + Profile.AGENTS + ", not '" + name + "'");
    }
}
