package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** How runs are presented: aligned table, the original tool's tab-separated lines, or JSON. */
final class RunTable {
    /**
     * Every meta field the table shows, filters or sorts by (see RunQuery): all that the run index
     * keeps of a finished run, so the table must read no other.
     */
    static final List<String> FIELDS = List.of("run_id", "status", "outcome", "project", "profile", "goal_met",
            "exit_code", "parent_run_id", "title", "created_at", "stalled", "started_at", "ended_at", "duration_s",
            "git_diff_stat");

    private static final String NL = System.lineSeparator();

    private final PrintStream out;

    RunTable(PrintStream out) {
        this.out = out;
    }

    void printJson(List<RunMeta> runs) {
        JsonArray arr = new JsonArray();
        runs.forEach(m -> arr.add(m.json()));
        out.println(Json.pretty(arr));
    }

    // One write for the whole table: a line at a time costs a system call per run.
    void printTabSeparated(List<RunMeta> runs) {
        StringBuilder text = new StringBuilder(runs.size() * 160);
        for (RunMeta m : runs) {
            text.append(m.runId()).append('\t').append(m.status()).append("\tproj=").append(dash(m.project()))
                    .append("\tprofile=").append(dash(m.profile())).append("\tgoal_met=").append(m.goalMet())
                    .append("\texit=").append(m.exitCode()).append("\tparent=").append(orEmpty(m.str("parent_run_id")))
                    .append('\t').append(oneLine(m.title())).append("\toutcome=").append(orEmpty(m.outcome())).append(NL);
        }
        out.print(text); // a reader that went away (| head) shows in checkError; nothing else to do
    }

    /** For a person: no null anywhere, and the age, duration and size of each run's change. */
    void printAligned(List<RunMeta> runs, java.time.Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "STATUS", "OUTCOME", "PROJECT", "PROFILE", "GOAL", "EXIT", "AGE", "TOOK", "DIFF", "TITLE"});
        for (RunMeta m : runs) {
            String status = m.status();
            if (Boolean.TRUE.equals(m.bool("stalled")) && !m.isFinished()) status += " (stalled)";
            rows.add(new String[] {m.runId(), dash(status), dash(m.outcome()), dash(m.project()), dash(m.profile()),
                    m.goalMet() == null ? "-" : m.goalMet() ? "yes" : "no", m.exitCode() == null ? "-" : m.exitCode().toString(),
                    RunColumns.age(m, now), RunColumns.took(m, now), RunColumns.diff(m.str("git_diff_stat")), oneLine(m.title())});
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
        return s == null ? "-" : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Titles may hold tabs, newlines and other control characters; one row must stay one line. */
    static String oneLine(String s) {
        if (s == null) return "";
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0x20 || c[i] == 0x7f) c[i] = ' '; // what [\t\r\n\p{Cntrl}] matches
        }
        return new String(c);
    }
}
