package dev.agentctl.ops;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;
import java.util.List;

/** How many runs are in each state: queued, running (stalled among them), finished, and each outcome. */
public final class RunCounts {
    private static final List<String> OUTCOMES = List.of(RunStatus.SUCCEEDED, RunStatus.GOAL_NOT_MET, RunStatus.FAILED,
            RunStatus.TIMED_OUT, RunStatus.KILLED, RunStatus.LOST);

    private RunCounts() {}

    public static JsonObject of(List<RunMeta> runs) {
        JsonObject byOutcome = new JsonObject();
        OUTCOMES.forEach(o -> byOutcome.addProperty(o, 0));
        int queued = 0, running = 0, stalled = 0, finished = 0;
        for (RunMeta m : runs) {
            if (RunStatus.QUEUED.equals(m.status())) queued++;
            if (RunStatus.RUNNING.equals(m.status())) {
                running++;
                if (Boolean.TRUE.equals(m.bool("stalled"))) stalled++;
            }
            if (m.isFinished()) {
                finished++;
                String o = m.outcome() == null ? "unknown" : m.outcome();
                byOutcome.addProperty(o, (byOutcome.has(o) ? byOutcome.get(o).getAsInt() : 0) + 1);
            }
        }
        JsonObject o = new JsonObject();
        o.addProperty("total", runs.size());
        o.addProperty(RunStatus.QUEUED, queued);
        o.addProperty(RunStatus.RUNNING, running);
        o.addProperty("stalled", stalled);
        o.addProperty(RunStatus.FINISHED, finished);
        o.add("outcomes", byOutcome);
        return o;
    }
}
