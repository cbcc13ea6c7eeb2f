package dev.agentctl.codex;

import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A codex run's `--json` events read through {@link EventTracker} and shown through {@link ProgressView}. */
final class CodexTurn implements AgentTurn {
    /** Events that change what meta.json holds (thread id, usage, the end): written at once. */
    private static final Set<String> IMPORTANT = Set.of("thread.started", "turn.completed", "turn.failed");

    private final EventTracker tracker = new EventTracker();

    @Override
    public AgentEvent accept(String line) {
        CodexEvent e = CodexEvent.parse(line);
        if (e == null) return null;
        tracker.accept(e);
        String progress = ProgressView.describe(e);
        String error = "error".equals(e.type()) ? Objects.requireNonNullElse(Json.string(e.raw(), "message"), "") : null;
        return new AgentEvent(progress == null ? List.of() : List.of(progress), IMPORTANT.contains(e.type()), error);
    }

    @Override
    public String sessionId() {
        return tracker.threadId();
    }

    @Override
    public JsonObject usage() {
        return tracker.usage();
    }

    @Override
    public Double costUsd() {
        return null; // codex reports tokens only
    }

    @Override
    public boolean completed() {
        return tracker.turnCompleted();
    }

    @Override
    public String failure() {
        return tracker.turnFailed() ? tracker.turnFailedMessage() : null;
    }

    @Override
    public AgentResult result(Path runDir) throws IOException {
        Path file = runDir.resolve("last_message.json");
        String finalMessage = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        // codex creates the -o file empty at start and fills it only when the turn completes.
        return AgentResult.parse(finalMessage == null || finalMessage.isBlank() ? tracker.lastAgentMessage() : finalMessage);
    }
}
