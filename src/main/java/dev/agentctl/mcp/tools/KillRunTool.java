package dev.agentctl.mcp.tools;

import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.run.RunId;
import java.io.IOException;
import java.util.List;

/** kill_run: what `agentctl kill` does. */
final class KillRunTool extends AgentctlTool {
    static final String DEFAULT_REASON = "killed by user";

    KillRunTool(Services services) {
        super(services, "kill_run", "Stop a run: codex and its commands get SIGINT, SIGTERM, then SIGKILL; a queued run ends "
                + "without starting. The run ends as killed with the reason. A finished run is left as it is.", Schema.object()
                .string("run_id", "The run.", true)
                .string("reason", "Why (kept in meta as error and kill_reason).", false)
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) throws IOException {
        String reason = args.string("reason");
        RunKiller.Killed k = kill(services, RunId.of(args.requiredString("run_id")), reason == null ? DEFAULT_REASON : reason);
        JsonObject o = new JsonObject();
        o.addProperty("run_id", k.meta().runId().value());
        o.addProperty("outcome", k.meta().outcome());
        o.addProperty("already_finished", k.alreadyFinished());
        o.add("meta", k.meta().json());
        return ToolResult.ok(o, k.meta().runId() + ": " + (k.alreadyFinished()
                ? "already finished (" + k.meta().outcome() + "); nothing changed" : k.meta().outcome()));
    }

    static RunKiller.Killed kill(Services services, RunId runId, String reason) throws IOException {
        return services.killer().kill(List.of(runId), reason).get(0);
    }
}
