package dev.agentctl.cli.run;

import com.google.gson.JsonArray;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** How runs are presented: aligned table, the original tool's tab-separated lines, or JSON. */
final class RunTable {
    private final PrintStream out;

    RunTable(PrintStream out) {
        this.out = out;
    }

    void printJson(List<RunMeta> runs) {
        JsonArray arr = new JsonArray();
        runs.forEach(m -> arr.add(m.json()));
        out.println(Json.pretty(arr));
    }

    void printTabSeparated(List<RunMeta> runs) {
        for (RunMeta m : runs) {
            out.println(m.runId() + "\t" + m.status() + "\tproj=" + dash(m.project()) + "\tprofile=" + dash(m.profile())
                    + "\tgoal_met=" + m.goalMet() + "\texit=" + m.exitCode() + "\tparent=" + orEmpty(m.str("parent_run_id"))
                    + "\t" + oneLine(m.title()) + "\toutcome=" + orEmpty(m.outcome()));
            if (out.checkError()) return; // reader went away (| head): stop quietly
        }
    }

    void printAligned(List<RunMeta> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "STATUS", "OUTCOME", "PROJECT", "PROFILE", "GOAL", "EXIT", "TITLE"});
        for (RunMeta m : runs) {
            String status = m.status();
            if (Boolean.TRUE.equals(m.bool("stalled")) && !m.isFinished()) status += " (stalled)";
            rows.add(new String[] {m.runId(), dash(status), dash(m.outcome()), dash(m.project()), dash(m.profile()),
                    String.valueOf(m.goalMet()), String.valueOf(m.exitCode()), oneLine(m.title())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
            if (out.checkError()) return;
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Titles may hold tabs and newlines; one row must stay one line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n\\p{Cntrl}]", " ");
    }
}
