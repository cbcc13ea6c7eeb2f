package dev.agentctl.agent;

import java.util.List;

/**
 * One event line of an agent, as the supervisor needs it.
 *
 * @param progress  lines for a person watching the pane (terminal-safe, short); may be empty
 * @param important true when meta.json should be updated at once (a session id, usage or the end arrived)
 * @param error     the text of an event the agent marks as an error (codex's reconnects and stream errors come
 *                  so; "" when it has none), or null for any other event: the model answered, or the agent moved on
 */
public record AgentEvent(List<String> progress, boolean important, String error) {
    public AgentEvent {
        progress = List.copyOf(progress);
    }

    /** An event that is not an error. */
    public AgentEvent(List<String> progress, boolean important) {
        this(progress, important, null);
    }

    public boolean isError() {
        return error != null;
    }
}
