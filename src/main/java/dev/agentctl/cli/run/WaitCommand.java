package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.run.RunId;
import java.util.Map;
import dev.agentctl.base.ExitCodes;
import dev.agentctl.base.Durations;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunRef;
import dev.agentctl.store.Json;
import dev.agentctl.lifecycle.Waiter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", description = {"Wait until the run(s) finish and print the final meta as JSON (one object, or an array for several ids; with --any the one object of the run that finished first).",
        "Driven by file-system events: returns the moment a run is finalized. Meant to run in the background."},
        footer = {"", "Examples:", "  agentctl wait 20260215-143022-ab12cd &", "  agentctl wait A B C --timeout 30m",
                "  agentctl wait A B --any --exit-status"})
public final class WaitCommand extends BaseCommand implements QuickCommand {
    @Parameters(arity = "1..*", paramLabel = "RUN_ID")
    List<String> runIds;

    @Option(names = "--timeout", paramLabel = "DUR", description = "Give up after DUR (120, 90s, 30m, 2h): prints the current meta with \"wait_timed_out\": true, exit 4.")
    String timeout;

    @Option(names = "--any", description = "Return when the first of the runs finishes.")
    boolean any;

    @Option(names = "--exit-status", description = "Exit 3 when a finished run did not succeed.")
    boolean exitStatus;

    @Override
    public Shape quickShape() {
        return new Shape(Map.of("--home", Kind.TEXT, "--timeout", Kind.TEXT, "--any", Kind.FLAG,
                "--exit-status", Kind.FLAG), 1, Integer.MAX_VALUE);
    }

    @Override
    public void applyQuick(Match m) {
        runIds = new java.util.ArrayList<>(m.positionals());
        timeout = m.text("--timeout");
        any = m.flag("--any");
        exitStatus = m.flag("--exit-status");
    }

    @Override
    protected int execute() {
        Duration limit = timeout == null ? null : Duration.ofSeconds(Durations.parseSeconds(timeout, "--timeout"));
        // Resolve (and so validate) every reference before waiting on any.
        List<RunId> ids = RunRef.resolveAll(runs(), runIds);
        Waiter.Result result = new Waiter(runs(), reconciler(), Duration.ofSeconds(2), () -> queue().promote(ids)).await(ids, any, limit);
        // One element per id asked for, in that order (an id given twice appears twice): several ids
        // always make an array. --any that did not time out: the one run that finished first, an object.
        java.util.Map<RunId, RunMeta> byId = new java.util.HashMap<>();
        for (RunMeta m : result.runs()) byId.put(m.runId(), m);
        List<RunId> shown = any && !result.timedOut() ? List.of(firstFinished(result.runs()).runId()) : ids;
        JsonArray arr = new JsonArray();
        boolean allSucceeded = true;
        for (RunId id : shown) {
            RunMeta m = byId.get(id);
            JsonObject o = m.json();
            if (result.timedOut()) o.addProperty("wait_timed_out", !m.isFinished());
            if (m.isFinished() && m.outcomeValue() != Outcome.SUCCEEDED) allSucceeded = false;
            arr.add(o);
        }
        io().out().println(Json.pretty(shown.size() == 1 ? arr.get(0) : arr));
        if (result.timedOut()) return ExitCodes.WAIT_TIMED_OUT;
        return exitStatus && !allSucceeded ? ExitCodes.NOT_SUCCEEDED : ExitCodes.OK;
    }

    /** --any: the run that ended first (by ended_at) of those already finished. */
    private static RunMeta firstFinished(List<RunMeta> runs) {
        RunMeta first = null;
        for (RunMeta m : runs) {
            if (!m.isFinished()) continue;
            if (first == null || endedAt(m).compareTo(endedAt(first)) < 0) first = m;
        }
        return first;
    }

    private static String endedAt(RunMeta m) {
        String ended = m.str(RunMeta.ENDED_AT);
        return ended == null ? "" : ended;
    }
}
