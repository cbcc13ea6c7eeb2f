package dev.agentctl.offline;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events as Anthropic's Messages API streams them: each event named twice, in an
 * {@code event:} line and in the JSON's {@code type}, then a blank line.
 */
final class AnthropicSseWriter {
    private final OutputStream out;

    AnthropicSseWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes and flushes one event; its name is the event's {@code type}. */
    void send(JsonObject event) throws IOException {
        String type = Json.string(event, "type");
        if (type == null || type.isBlank() || type.contains("\n")) {
            throw new IllegalArgumentException("an Anthropic stream event needs a one-line type: " + event);
        }
        out.write(("event: " + type + "\ndata: " + Json.compact(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
