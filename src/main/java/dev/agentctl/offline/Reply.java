package dev.agentctl.offline;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;

/** What the server does with one request: stream events (maybe after a delay), send an HTTP error, or hang. */
final class Reply {
    enum Kind { STREAM, ERROR, HANG }

    final Kind kind;
    final Duration delay;
    final List<JsonObject> events;
    final int status;
    final JsonObject errorBody;

    private Reply(Kind kind, Duration delay, List<JsonObject> events, int status, JsonObject errorBody) {
        this.kind = kind;
        this.delay = delay;
        this.events = events;
        this.status = status;
        this.errorBody = errorBody;
    }

    static Reply stream(List<JsonObject> events) {
        return new Reply(Kind.STREAM, Duration.ZERO, List.copyOf(events), 200, null);
    }

    static Reply error(int status, JsonObject body) {
        return new Reply(Kind.ERROR, Duration.ZERO, List.of(), status, body);
    }

    static Reply hang() {
        return new Reply(Kind.HANG, Duration.ZERO, List.of(), 0, null);
    }

    Reply after(Duration wait) {
        return new Reply(kind, wait, events, status, errorBody);
    }
}
