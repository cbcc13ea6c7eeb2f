package dev.agentctl.agent;

import java.util.List;

/**
 * One event line of an agent, as the supervisor needs it.
 *
 * @param progress  lines for a person watching the pane (terminal-safe, short); may be empty
 * @param important true when meta.json should be updated at once (a session id, usage or the end arrived)
 */
public record AgentEvent(List<String> progress, boolean important) {
    public AgentEvent {
        progress = List.copyOf(progress);
    }
}
