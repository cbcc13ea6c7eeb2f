package dev.agentctl.offline;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Server-sent events as the Responses API streams them: one {@code data: <json>} frame per event. */
final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    /** Flushes each frame so codex sees events as they are "generated", not all at close. */
    void send(JsonObject event) throws IOException {
        out.write(("data: " + Json.compact(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
