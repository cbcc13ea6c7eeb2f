package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.ExitCodes;
import dev.agentctl.base.Durations;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import dev.agentctl.lifecycle.Waiter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = {"Wait until the run(s) finish and print the final meta as JSON (one object, or an array for several ids).",
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
        runIds.forEach(id -> runs().dir(id)); // validate every id before waiting on any
        Waiter.Result result = new Waiter(runs(), reconciler(), Duration.ofSeconds(2), () -> queue().promote(runIds)).await(runIds, any, limit);
        JsonArray arr = new JsonArray();
        boolean allSucceeded = true;
        for (RunMeta m : result.runs()) {
            JsonObject o = m.json();
            if (result.timedOut()) o.addProperty("wait_timed_out", !m.isFinished());
            if (m.isFinished() && m.outcomeValue() != Outcome.SUCCEEDED) allSucceeded = false;
            arr.add(o);
        }
        io().out().println(Json.pretty(arr.size() == 1 ? arr.get(0) : arr));
        if (result.timedOut()) return ExitCodes.FAILED;
        return exitStatus && !allSucceeded ? ExitCodes.NOT_SUCCEEDED : ExitCodes.OK;
    }
}
