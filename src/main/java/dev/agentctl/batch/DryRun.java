package dev.agentctl.batch;

import dev.agentctl.base.TerminalText;
import dev.agentctl.workspace.Config;
import java.util.List;

/** `batch --dry-run`: the validated plan in waves (tasks that can run together), nothing started. */
public final class DryRun {
    private DryRun() {}

    public static String text(Plan plan, Config config) {
        StringBuilder b = new StringBuilder();
        b.append("plan ").append(plan.group() == null ? "(group name generated at start)" : plan.group()).append(": ")
                .append(plan.tasks().size()).append(plan.tasks().size() == 1 ? " task" : " tasks")
                .append(plan.maxParallel() == null ? "" : ", at most " + plan.maxParallel() + " at a time").append('\n');
        List<List<PlanTask>> waves = plan.waves();
        for (int i = 0; i < waves.size(); i++) {
            b.append("wave ").append(i + 1).append(":\n");
            for (PlanTask t : waves.get(i)) {
                String isolation = t.isolation() != null ? t.isolation() : t.project().isolation() != null ? t.project().isolation()
                        : config.isolation();
                b.append("  ").append(TerminalText.oneLine(t.id(), 64)).append("  project ").append(TerminalText.oneLine(t.project().name(), 80))
                        .append("  profile ").append(t.profile().name()).append("  isolation ").append(isolation)
                        .append("  after ").append(t.after().isEmpty() ? "-" : String.join(",", t.after()))
                        .append(t.escalate() == null ? "" : "  escalate " + t.escalate()).append('\n');
            }
        }
        return b.toString();
    }
}
