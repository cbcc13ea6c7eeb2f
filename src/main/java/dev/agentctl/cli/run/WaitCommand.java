package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.ExitCodes;
import dev.agentctl.run.Durations;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import dev.agentctl.store.Json;
import dev.agentctl.waiter.Waiter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = {"Wait until the run(s) finish and print the final meta as JSON (one object, or an array for several ids; with --any the one object of the run that finished first).",
        "Driven by file-system events: returns the moment a run is finalized. Meant to run in the background."},
        footer = {"", "Examples:", "  agentctl wait 20260215-143022-ab12cd &", "  agentctl wait A B C --timeout 30m",
                "  agentctl wait A B --any --exit-status"})
public final class WaitCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "RUN_ID")
    List<String> runIds;

    @Option(names = "--timeout", paramLabel = "DUR", description = "Give up after DUR (120, 90s, 30m, 2h): prints the current meta with \"wait_timed_out\": true, exit 1.")
    String timeout;

    @Option(names = "--any", description = "Return when the first of the runs finishes.")
    boolean any;

    @Option(names = "--exit-status", description = "Exit 3 when a finished run did not succeed.")
    boolean exitStatus;

    @Override
    protected int execute() {
        Duration limit = timeout == null ? null : Duration.ofSeconds(Durations.parseSeconds(timeout, "--timeout"));
        // Resolve (and so validate) every id before waiting on any.
        List<String> ids = dev.agentctl.run.RunRef.resolveAll(runs(), runIds);
        Waiter.Result result = new Waiter(runs(), reconciler(), Duration.ofSeconds(2)).await(ids, any, limit);
        List<RunMeta> shown = any && !result.timedOut() ? List.of(firstFinished(result.runs())) : result.runs();
        JsonArray arr = new JsonArray();
        boolean allSucceeded = true;
        for (RunMeta m : shown) {
            JsonObject o = m.json();
            if (result.timedOut()) o.addProperty("wait_timed_out", !m.isFinished());
            if (m.isFinished() && !RunStatus.SUCCEEDED.equals(m.outcome())) allSucceeded = false;
            arr.add(o);
        }
        io().out().println(Json.pretty(arr.size() == 1 ? arr.get(0) : arr));
        if (result.timedOut()) return ExitCodes.FAILED;
        return exitStatus && !allSucceeded ? ExitCodes.NOT_SUCCEEDED : ExitCodes.OK;
    }

    /** --any: the run that ended first (by ended_at) of those already finished. */
    private static RunMeta firstFinished(List<RunMeta> runs) {
        RunMeta first = null;
        for (RunMeta m : runs) {
            if (!m.isFinished()) continue;
            String ended = m.str("ended_at") == null ? "" : m.str("ended_at");
            if (first == null || ended.compareTo(first.str("ended_at") == null ? "" : first.str("ended_at")) < 0) first = m;
        }
        return first;
    }
}
