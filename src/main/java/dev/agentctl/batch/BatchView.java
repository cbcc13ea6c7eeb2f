package dev.agentctl.batch;

import dev.agentctl.base.TerminalText;
import dev.agentctl.run.RunMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The lines a person reads: one per task (state, run, elapsed time, diff stat or why it failed). */
public final class BatchView {
    private BatchView() {}

    public static List<String> lines(BatchState s, Instant now) {
        List<String> out = new ArrayList<>();
        int w = 4;
        for (BatchState.Task t : s.tasks()) w = Math.max(w, t.id().length());
        out.add(String.format("%-" + w + "s  %-13s  %-24s  %7s  %s", "TASK", "STATE", "RUN", "ELAPSED", "RESULT"));
        for (BatchState.Task t : s.tasks()) {
            RunMeta m = t.last();
            Long el = t.elapsedSeconds(now);
            out.add(String.format("%-" + w + "s  %-13s  %-24s  %7s  %s", TerminalText.oneLine(t.id(), 64), t.state(),
                    m == null ? "-" : m.runId(), el == null ? "-" : elapsed(el), TerminalText.oneLine(result(t), 80)));
        }
        return out;
    }

    /** The whole table, then a line saying how the batch ended. */
    public static String table(BatchState s, Instant now) {
        StringBuilder b = new StringBuilder();
        for (String l : lines(s, now)) b.append(l).append('\n');
        int ok = (int) s.tasks().stream().filter(BatchState.Task::succeeded).count();
        b.append("batch ").append(s.group()).append(": ").append(ok).append(" of ").append(s.tasks().size())
                .append(" succeeded").append(s.done() ? "" : " so far").append('\n');
        return b.toString();
    }

    static String result(BatchState.Task t) {
        RunMeta m = t.last();
        if (m == null) return "";
        String escalated = t.runs().size() > 1 ? "escalated; " : "";
        if (m.error() != null && m.isFinished()) return escalated + m.error();
        String stat = m.diffStat();
        if (stat != null && !stat.isBlank()) {
            String[] lines = stat.strip().split("\n");
            return escalated + lines[lines.length - 1].strip();
        }
        if (m.isWaitingInQueue() && m.queuedReason() != null) return m.queuedReason();
        return escalated.isEmpty() ? "" : "escalated";
    }

    static String elapsed(long s) {
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format("%02d", s % 60) + "s" : s / 3600 + "h" + String.format("%02d", s / 60 % 60) + "m";
    }
}
