package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import dev.agentctl.base.TerminalText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How runs are presented: aligned table, the original tool's tab-separated lines, or JSON. */
public final class RunTable {
    /**
     * Every meta field the table shows, filters or sorts by (see RunQuery): all that the run index
     * keeps of a finished run, so the table must read no other (list_runs and group show read the same: RunList).
     */
    public static final List<String> FIELDS = dev.agentctl.ops.RunList.FIELDS;

    private static final String NL = System.lineSeparator();

    private final PrintStream out;
    private final Map<RunId, Integer> queuePositions;

    /** @param queuePositions 1-based places in the queue of the runs waiting there, by id */
    RunTable(PrintStream out, Map<RunId, Integer> queuePositions) {
        this.out = out;
        this.queuePositions = queuePositions;
    }

    /** Whole metas, read one at a time as they are printed: never all of them in memory at once. */
    void printJson(List<RunMeta> runs, java.util.function.Function<RunMeta, RunMeta> whole) {
        Iterable<com.google.gson.JsonElement> metas = () -> runs.stream().map(m -> withQueuePosition(whole.apply(m))).iterator();
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Json.printPrettyArray(w, metas);
            w.write(NL);
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // One write for the whole table: a line at a time costs a system call per run.
    void printTabSeparated(List<RunMeta> runs) {
        StringBuilder text = new StringBuilder(runs.size() * 160);
        for (RunMeta m : runs) {
            text.append(cell(m.str(RunMeta.RUN_ID))).append('\t').append(cell(m.status())).append("\tproj=").append(dash(m.project()))
                    .append("\tprofile=").append(dash(m.profile())).append("\tgoal_met=").append(m.goalMet())
                    .append("\texit=").append(m.exitCode()).append("\tparent=").append(cell(m.str("parent_run_id")))
                    .append('\t').append(cell(m.title())).append("\toutcome=").append(cell(m.outcome()));
            Integer pos = queuePositions.get(m.runId());
            if (pos != null) text.append("\tqueue=").append(pos); // only queued runs, which the original tool never had
            text.append(NL);
        }
        out.print(text); // a reader that went away (| head) shows in checkError; nothing else to do
    }

    /** For a person: no null anywhere, and the age, duration and size of each run's change. */
    void printAligned(List<RunMeta> runs, java.time.Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "STATUS", "OUTCOME", "PROJECT", "PROFILE", "GOAL", "EXIT", "AGE", "TOOK", "DIFF", "BRANCH",
                "TITLE"});
        for (RunMeta m : runs) {
            String status = m.status();
            if (Boolean.TRUE.equals(m.bool("stalled")) && !m.isFinished()) status += " (stalled)";
            Integer pos = queuePositions.get(m.runId());
            if (pos != null) status += " #" + pos;
            rows.add(new String[] {cell(m.str(RunMeta.RUN_ID)), dash(status), dash(m.outcome()), dash(m.project()), dash(m.profile()),
                    m.goalMet() == null ? "-" : m.goalMet() ? "yes" : "no", m.exitCode() == null ? "-" : m.exitCode().toString(),
                    RunColumns.age(m, now), RunColumns.took(m, now), RunColumns.diff(m.str(RunMeta.GIT_DIFF_STAT)),
                    dash(m.branch()), cell(m.title())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        }
        StringBuilder text = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            text.append(line.toString().stripTrailing()).append(NL);
        }
        out.print(text);
    }

    private static String dash(String s) {
        return s == null ? "-" : cell(s);
    }

    /** Every value may hold tabs, newlines or escapes (a project directory's name, a title): one row stays one line. */
    private com.google.gson.JsonElement withQueuePosition(RunMeta m) {
        Integer pos = queuePositions.get(m.runId());
        if (pos == null) return m.json();
        var o = m.json().deepCopy();
        o.addProperty("queue_position", pos);
        return o;
    }

    private static String cell(String s) {
        return TerminalText.field(s);
    }
}
