package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.ops.SendToRun;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import java.io.IOException;

/** send_to_run: what `agentctl send` does, with the message as an argument. */
final class SendToRunTool extends AgentctlTool {
    SendToRunTool(Services services) {
        super(services, "send_to_run", "New instructions for a run, as the next turn of its codex thread, in a new run "
                + "returned at once. A finished run is resumed (mode resume); a running or queued run gets the text right "
                + "after its current (or first) turn ends (mode followup, queued until then); several sends go in order. "
                + "With now, the current turn is interrupted (it ends killed, \"" + SendToRun.REDIRECTED + "\") and the text "
                + "starts at once in the same thread.", Schema.object()
                .string("run_id", "The run to instruct.", true)
                .string("text", "The message: what the agent should do next.", true)
                .bool("now", "Interrupt the run's current turn and start the message at once.")
                .string("profile", "Profile for the new turn (default: the run's).", false)
                .string("title", "Title of the new run (default: the run's, marked).", false)
                .string("timeout", "Stop the new run after this long: seconds, or 90s, 30m, 2h (default: config default_timeout).", false)
                .bool("no_tmux", "Run the new turn detached (default: where the run ran).")
                .build(), false);
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) throws IOException {
        RunId target = RunId.of(args.requiredString("run_id"));
        String text = args.requiredString("text");
        boolean now = args.bool("now", false);
        RunId id = new SendToRun(services.runs(), services.reconciler(), services.config(), services.io(), services::notifier)
                .send(new SendToRun.Params(target, SendToRun.text(text), now, args.string("profile"), args.string("title"),
                        durationSeconds(args, "timeout"), args.bool("no_tmux", false)));
        RunMeta m = services.runs().read(id);
        ToolResult started = StartRunTool.started(m);
        JsonObject o = started.structured();
        o.addProperty("sent_to", target.value());
        o.add("mode", Json.of(m.str(RunMeta.MODE)));
        JsonArray after = new JsonArray();
        m.after().forEach(a -> after.add(a.value()));
        o.add("after", after); // the turn this message waits for: the run's, or the message sent before it
        return ToolResult.ok(o, "sent to " + target + " as run " + id + " (" + m.status()
                + (m.after().isEmpty() ? "" : ", after " + String.join(", ", m.after().stream().map(RunId::value).toList())) + ")");
    }
}
