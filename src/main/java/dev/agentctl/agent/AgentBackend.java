package dev.agentctl.agent;

import java.util.List;
import java.util.Map;

/**
 * One agent CLI agentctl can run (codex, Claude Code): how to call it and how to read what it prints.
 * Everything around a run (supervisor, states, outcomes, kill, deadlines, diff, notifications) is shared;
 * a further agent is one more implementation registered in lifecycle.Backends.
 */
public interface AgentBackend {
    /** The name profiles, {@code start --agent} and meta.json's {@code agent} use. */
    String name();

    /** The config.json key of that executable, for error messages. */
    String binKey();

    /** How a person installs the tested version. */
    String installHint();

    /**
     * The whole argv (prompt on stdin), resuming inv's session when it names one.
     *
     * @throws dev.agentctl.base.AgentctlException (usage) for a setting the agent would misread
     */
    List<String> argv(AgentInvocation inv);

    /**
     * The argv of a run queued before its thread was known (a message sent to a run), made to continue sessionId.
     *
     * @throws dev.agentctl.base.AgentctlException (usage) for an id the agent would misread
     */
    List<String> withResumeSession(List<String> argv, String sessionId);

    /** The agent's environment: the caller's, plus what the run's sandbox needs. callerEnv is not changed. */
    Map<String, String> environment(Map<String, String> callerEnv, String sandbox);

    /** A fresh reader of one run's output. */
    AgentTurn newTurn();

    /** True when the agent calls its thread a session (Claude Code): meta.json then keeps session_id beside thread_id. */
    boolean callsThreadsSessions();
}
