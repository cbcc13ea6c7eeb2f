package dev.agentctl.agent;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What one run of an agent reported, read from its stdout line by line. Implementations are thread-safe:
 * the reader thread feeds them while the supervisor reads them.
 */
public interface AgentTurn {
    /** Takes one stdout line; null when it is no event (blank, truncated, not JSON). Never throws. */
    AgentEvent accept(String line);

    /** The thread (codex) or session (Claude) id, or null before the agent named it. */
    String sessionId();

    /** Token usage as {input_tokens, cached_input_tokens, output_tokens, reasoning_output_tokens}, or null. */
    JsonObject usage();

    /** What the run cost in US dollars as the agent reports it, or null when it does not. */
    Double costUsd();

    /** True when the agent reported the end of its turn without an error. */
    boolean completed();

    /** Why the turn failed as the agent reported it (with a result missing counted as failure), or null. */
    String failure();

    /** The run's result; all fields null when there is none. runDir holds the run's files. */
    AgentResult result(Path runDir) throws IOException;
}
