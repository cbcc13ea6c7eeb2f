package dev.agentctl.lifecycle;

import com.google.gson.JsonObject;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Why a run is being stopped before codex ends on its own. `kill` leaves one in the run directory
 * for the supervisor (the only writer of meta while it lives) to act on.
 */
public record StopRequest(Outcome outcome, String reason) {
    public static final String FILE = "kill.request.json";

    public void writeTo(Path runDir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("outcome", outcome.wire());
        o.addProperty("reason", reason);
        o.addProperty("requested_at", RunMeta.now());
        Json.writeAtomically(runDir.resolve(FILE), o);
    }

    /** The request left in runDir, or null. */
    public static StopRequest readFrom(Path runDir) {
        try {
            JsonObject o = Json.readObject(runDir.resolve(FILE));
            if (o == null) return null;
            Outcome outcome = Outcome.of(Json.string(o, "outcome"));
            return new StopRequest(outcome == null ? Outcome.KILLED : outcome, Json.string(o, "reason"));
        } catch (IOException | RuntimeException e) {
            return new StopRequest(Outcome.KILLED, "kill requested");
        }
    }
}
