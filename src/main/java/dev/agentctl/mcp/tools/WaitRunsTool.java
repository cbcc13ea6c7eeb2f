package dev.agentctl.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.mcp.CallContext;
import dev.agentctl.mcp.Schema;
import dev.agentctl.mcp.ToolArgs;
import dev.agentctl.mcp.ToolResult;
import dev.agentctl.lifecycle.Waiter;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.lifecycle.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * wait_runs: what `agentctl wait` does. It waits in slices so that, between them, it can tell a client
 * that asked for progress how many runs have finished; a slice ends the moment the runs are done.
 */
final class WaitRunsTool extends AgentctlTool {
    private final Duration slice;

    WaitRunsTool(Services services, Duration progressInterval) {
        super(services, "wait_runs", "Wait until the runs finish (or the first of them, with any) and return their final "
                + "meta; on timeout_s the current meta with timed_out true. Sends progress notifications when asked.",
                Schema.object()
                .strings("run_ids", "The runs to wait for.", true)
                .bool("any", "Return when the first of the runs finishes.")
                .number("timeout_s", "Give up after this many seconds (default: wait as long as it takes).", false)
                .build(), true);
        this.slice = progressInterval;
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext context) throws InterruptedException {
        List<String> names = args.requiredStrings("run_ids");
        boolean any = args.bool("any", false);
        Double timeoutS = args.seconds("timeout_s");
        List<RunId> ids = new ArrayList<>();
        for (String name : names) { // every id is checked before waiting on any
            RunId id = RunId.of(name);
            services.runs().read(id);
            ids.add(id);
        }
        Runnable promote = () -> services.queue().promote(ids); // as wait does: runs waiting on these may start
        long deadline = timeoutS == null ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutS * 1e9);
        Waiter waiter = new Waiter(services.runs(), services.reconciler(), Duration.ofSeconds(2), promote);
        Waiter.Result r;
        int step = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            Duration wait = left < slice.toNanos() ? Duration.ofNanos(Math.max(0, left)) : slice;
            r = waiter.await(ids, any, wait);
            if (Thread.interrupted() || context.cancelled()) throw new InterruptedException("cancelled");
            if (!r.timedOut() || System.nanoTime() >= deadline) break;
            long finished = r.runs().stream().filter(RunMeta::isFinished).count();
            context.progress(++step, null, finished + " of " + ids.size() + " runs finished");
        }
        JsonArray runs = new JsonArray();
        boolean allSucceeded = true;
        for (RunMeta m : r.runs()) {
            JsonObject o = m.json();
            if (r.timedOut()) o.addProperty("wait_timed_out", !m.isFinished());
            if (!m.isFinished() || m.outcomeValue() != Outcome.SUCCEEDED) allSucceeded = false;
            runs.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("runs", runs);
        out.addProperty("timed_out", r.timedOut());
        out.addProperty("all_succeeded", allSucceeded); // wait --exit-status's question
        String text = (r.timedOut() ? "timed out; " : "") + r.runs().stream().map(AgentctlTool::line).collect(Collectors.joining("\n"));
        return ToolResult.ok(out, text);
    }
}
