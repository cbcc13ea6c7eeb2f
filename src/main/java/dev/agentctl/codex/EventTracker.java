package dev.agentctl.codex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Accumulates what a run needs from the codex event stream. Thread-safe: the reader thread feeds it while
 * a watchdog may read it.
 */
public final class EventTracker {
    static final int MAX_ERRORS = 5;
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final List<String> USAGE_FIELDS =
            List.of("input_tokens", "cached_input_tokens", "output_tokens", "reasoning_output_tokens");

    private String threadId;
    private JsonObject usage;
    private String lastAgentMessage;
    private String turnFailedMessage;
    private boolean turnCompleted;
    private boolean turnFailed;
    private final Deque<String> errors = new ArrayDeque<>();

    /** Takes in one event; null and unknown events are ignored. */
    public synchronized void accept(CodexEvent e) {
        if (e == null) {
            return;
        }
        switch (e.type()) {
            case "thread.started" -> {
                String id = EventText.string(e.raw(), "thread_id");
                if (id != null && !id.isBlank()) threadId = id;
            }
            case "turn.completed" -> {
                turnCompleted = true;
                JsonObject u = usageOf(EventText.object(e.raw(), "usage"));
                if (u != null) usage = u; // cumulative for the thread, so the last one is the total
            }
            case "turn.failed" -> {
                turnFailed = true;
                turnFailedMessage = failureMessage(e.raw());
            }
            case "error" -> addError(EventText.string(e.raw(), "message"));
            case "item.completed" -> acceptCompletedItem(e.item());
            default -> { }
        }
    }

    private void acceptCompletedItem(JsonObject item) {
        String type = EventText.string(item, "type");
        if ("agent_message".equals(type)) {
            String text = EventText.string(item, "text");
            if (text != null) lastAgentMessage = text;
        } else if ("error".equals(type)) {
            addError(EventText.string(item, "message"));
        }
    }

    /** Thread id from thread.started, or null before it arrives. */
    public synchronized String threadId() {
        return threadId;
    }

    /** Token usage of the last turn.completed (input, cached input, output, reasoning output), or null. */
    public synchronized JsonObject usage() {
        return usage == null ? null : usage.deepCopy();
    }

    /** Text of the last completed agent_message: the final answer once the turn has completed. */
    public synchronized String lastAgentMessage() {
        return lastAgentMessage;
    }

    /** The turn.failed error message with nested API error JSON unwrapped, or null. */
    public synchronized String turnFailedMessage() {
        return turnFailedMessage;
    }

    public synchronized boolean turnCompleted() {
        return turnCompleted;
    }

    public synchronized boolean turnFailed() {
        return turnFailed;
    }

    /** The last few non-fatal error messages (error events and error items), oldest first, repeats collapsed. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private void addError(String message) {
        String m = EventText.oneLine(message, MAX_ERROR_LENGTH);
        if (m == null || m.isEmpty() || m.equals(errors.peekLast())) {
            return; // codex repeats retry notices; one copy is enough
        }
        errors.addLast(m);
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    private static JsonObject usageOf(JsonObject source) {
        if (source == null) {
            return null;
        }
        JsonObject u = new JsonObject();
        for (String field : USAGE_FIELDS) {
            JsonElement v = source.get(field);
            if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                u.add(field, v.deepCopy());
            }
        }
        return u;
    }

    static String failureMessage(JsonObject event) {
        JsonObject error = EventText.object(event, "error");
        String message = error != null ? EventText.string(error, "message") : EventText.string(event, "error");
        if (message == null) {
            message = EventText.string(event, "message");
        }
        return message == null ? "turn failed" : EventText.unwrapMessage(message);
    }
}
