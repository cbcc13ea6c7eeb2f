package dev.agentctl.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.base.TerminalText;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import java.util.List;

/**
 * `batch --dry-run`: the validated plan in waves (tasks that can run together), nothing started; as text or
 * as one JSON document. The tasks are those the batch would start (a --resume leaves out those that succeeded).
 */
public final class DryRun {
    private DryRun() {}

    public static String text(BatchSubmit.Prepared p, Config config) {
        Plan plan = p.plan();
        StringBuilder b = new StringBuilder();
        b.append("plan ").append(p.generatedGroup() ? "(group name generated at start)" : p.group()).append(": ")
                .append(p.toStart().size()).append(p.toStart().size() == 1 ? " task" : " tasks")
                .append(plan.maxParallel() == null ? "" : ", at most " + plan.maxParallel() + " at a time").append('\n');
        if (p.room().note() != null) b.append(p.room().note()).append('\n');
        List<List<PlanTask>> waves = waves(p);
        for (int i = 0; i < waves.size(); i++) {
            b.append("wave ").append(i + 1).append(":\n");
            for (PlanTask t : waves.get(i)) {
                b.append("  ").append(TerminalText.oneLine(t.id(), 64)).append("  project ").append(TerminalText.oneLine(t.project().name(), 80))
                        .append("  profile ").append(t.profile().name()).append("  isolation ").append(isolation(t, config))
                        .append("  after ").append(t.after().isEmpty() ? "-" : String.join(",", t.after()))
                        .append(t.escalate() == null ? "" : "  escalate " + t.escalate()).append('\n');
            }
        }
        return b.toString();
    }

    /** {group (null: generated at start), max_parallel, max_runs, waves: [[{id, project, profile, agent, isolation, after, escalate}]]}. */
    public static JsonObject json(BatchSubmit.Prepared p, Config config) {
        JsonObject o = new JsonObject();
        o.add("group", Json.of(p.generatedGroup() ? null : p.group()));
        o.add("max_parallel", Json.of(p.plan().maxParallel()));
        JsonObject runs = new JsonObject();
        runs.addProperty("needed", p.room().needed());
        runs.addProperty("cap", p.room().cap());
        runs.add("raised_to", Json.of(p.room().raisedTo()));
        o.add("max_runs", runs);
        JsonArray waves = new JsonArray();
        for (List<PlanTask> wave : waves(p)) {
            JsonArray w = new JsonArray();
            for (PlanTask t : wave) {
                JsonObject x = new JsonObject();
                x.addProperty("id", t.id());
                x.addProperty("project", t.project().name());
                x.addProperty("profile", t.profile().name());
                x.addProperty("agent", t.profile().agentName());
                x.addProperty("isolation", isolation(t, config));
                JsonArray after = new JsonArray();
                t.after().forEach(after::add);
                x.add("after", after);
                x.add("escalate", Json.of(t.escalate()));
                w.add(x);
            }
            waves.add(w);
        }
        o.add("waves", waves);
        return o;
    }

    /** The waves of the tasks to start (as the plan has them): a kept task (a resume's) is done, nothing waits for it. */
    private static List<List<PlanTask>> waves(BatchSubmit.Prepared p) {
        List<PlanTask> tasks = p.toStart().stream()
                .map(t -> new PlanTask(t.id(), t.title(), t.prompt(), t.project(), t.profile(), t.timeoutSeconds(), t.isolation(),
                        t.after().stream().filter(d -> !p.kept().containsKey(d)).toList(), t.escalate()))
                .toList();
        return new Plan(null, null, null, tasks).waves().stream()
                .map(wave -> wave.stream().map(t -> p.plan().task(t.id())).toList()).toList();
    }

    private static String isolation(PlanTask t, Config config) {
        return t.isolation() != null ? t.isolation() : t.project().isolation() != null ? t.project().isolation() : config.isolation();
    }
}
