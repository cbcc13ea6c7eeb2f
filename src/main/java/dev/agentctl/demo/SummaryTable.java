package dev.agentctl.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo's closing table: one row per run with outcome, diff stat, tokens and seconds. Pure. */
public final class SummaryTable {
    static final List<String> HEADER = List.of("RUN", "TITLE", "OUTCOME", "DIFF", "TOKENS", "SECONDS");
    private static final Pattern FILES = Pattern.compile("(\\d+) files? changed");
    private static final Pattern INSERTIONS = Pattern.compile("(\\d+) insertions?\\(\\+\\)");
    private static final Pattern DELETIONS = Pattern.compile("(\\d+) deletions?\\(-\\)");

    private SummaryTable() {}

    public static String render(List<JsonObject> metas) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JsonObject m : metas) {
            rows.add(List.of(orDash(Json.string(m, "run_id")), orDash(Json.string(m, "title")),
                    orDash(Json.string(m, "outcome")), diffShort(Json.string(m, "git_diff_stat")), tokens(m),
                    seconds(m)));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = i >= 4;
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(numeric ? pad + cell : cell + pad);
                if (i < row.size() - 1) line.append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * "2 files, +3 -0" from git diff --stat's summary line; "no changes" for an empty diff, "-" when there
     * was no snapshot (not a git project, or the run never started).
     */
    public static String diffShort(String stat) {
        if (stat == null) return "-";
        if (stat.isBlank()) return "no changes";
        String[] lines = stat.strip().split("\n");
        String summary = lines[lines.length - 1];
        Matcher files = FILES.matcher(summary);
        if (!files.find()) return "-";
        int n = Integer.parseInt(files.group(1));
        return n + (n == 1 ? " file" : " files") + ", +" + count(INSERTIONS, summary) + " -" + count(DELETIONS, summary);
    }

    /** input + output tokens of the thread so far (usage is cumulative for a resumed thread). */
    static String tokens(JsonObject meta) {
        JsonElement u = meta.get("usage");
        if (u == null || !u.isJsonObject()) return "-";
        Long in = Json.longValue(u.getAsJsonObject(), "input_tokens");
        Long out = Json.longValue(u.getAsJsonObject(), "output_tokens");
        if (in == null && out == null) return "-";
        return Long.toString((in == null ? 0 : in) + (out == null ? 0 : out));
    }

    static String seconds(JsonObject meta) {
        JsonElement d = meta.get("duration_s");
        if (d == null || !d.isJsonPrimitive() || !d.getAsJsonPrimitive().isNumber()) return "-";
        return String.format(Locale.ROOT, "%.1f", d.getAsDouble());
    }

    private static int count(Pattern p, String summary) {
        Matcher m = p.matcher(summary);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
