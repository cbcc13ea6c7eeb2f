package dev.agentctl.view;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.TerminalText;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person reads about a run, as terminal-safe lines: the header above its progress and the
 * structured result below it. The pane, `logs` and anything else that shows a run use these.
 */
public final class RunReport {
    public static final String RULE = "─".repeat(60);
    private static final int FIELD_MAX = 2000;

    private RunReport() {}

    public static List<String> header(RunMeta m) {
        List<String> lines = new ArrayList<>();
        lines.add("agentctl run " + m.runId() + (m.title() == null ? "" : " — " + TerminalText.oneLine(m.title(), 200)));
        lines.add(TerminalText.oneLine("project " + m.project() + " (" + m.projectDir() + ") · profile " + m.profile()
                + (m.agent() == null ? "" : " · " + m.agent())
                + (m.str(RunMeta.MODEL) == null ? "" : " · model " + m.str(RunMeta.MODEL))
                + (m.parentRunId() == null ? "" : " · " + continues(m) + " " + m.parentRunId()), 400));
        lines.add(RULE);
        return lines;
    }

    private static String continues(RunMeta m) {
        return m.mode() == RunMode.FOLLOWUP ? "follow-up to" : "resumes";
    }

    /** The final result: outcome, summary, follow-up, notes, error, diff stat, tokens, duration. */
    public static List<String> result(RunMeta m) {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        Outcome o = m.outcomeValue();
        String icon = o == Outcome.SUCCEEDED ? "✅" : o == Outcome.GOAL_NOT_MET ? "⚠️" : "❌";
        lines.add(icon + " " + m.outcome() + " · goal_met=" + m.goalMet() + " · exit " + m.exitCode()
                + duration(m.json().get(RunMeta.DURATION_S)));
        field(lines, "summary", m.summary());
        field(lines, "follow-up", m.str(RunMeta.FOLLOWUP_PROMPT));
        field(lines, "notes", m.str(RunMeta.NOTES));
        field(lines, "error", m.error());
        String diff = m.str(RunMeta.GIT_DIFF_STAT);
        if (diff != null && !diff.isBlank()) {
            lines.add("diff:");
            for (String l : diff.split("\n")) lines.add("  " + TerminalText.oneLine(l, 200));
        } else if (m.str(RunMeta.START_TREE) != null || m.isWorktree() && m.headCommit() != null) {
            lines.add("diff: no changes");
        }
        if (m.isWorktree() && m.branch() != null) field(lines, "branch", m.branch() + " (agentctl diff/merge/discard " + m.runId() + ")");
        String tokens = tokens(m.json().get(RunMeta.USAGE));
        if (tokens != null) lines.add("tokens: " + tokens);
        return lines;
    }

    private static void field(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) lines.add(label + ": " + TerminalText.oneLine(value, FIELD_MAX));
    }

    private static String duration(JsonElement d) {
        if (d == null || !d.isJsonPrimitive()) return "";
        double s = d.getAsDouble();
        long whole = (long) s;
        return " · " + (whole >= 60 ? whole / 60 + "m" + String.format("%02d", whole % 60) + "s" : d.getAsString() + "s");
    }

    private static String tokens(JsonElement usage) {
        if (usage == null || !usage.isJsonObject()) return null;
        JsonObject u = usage.getAsJsonObject();
        StringBuilder sb = new StringBuilder();
        for (String[] f : new String[][] {{"input_tokens", "in"}, {"cached_input_tokens", "cached"},
                {"output_tokens", "out"}, {"reasoning_output_tokens", "reasoning"}}) {
            JsonElement v = u.get(f[0]);
            if (v == null || !v.isJsonPrimitive()) continue;
            if (sb.length() > 0) sb.append(" · ");
            sb.append(v.getAsString()).append(' ').append(f[1]);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
