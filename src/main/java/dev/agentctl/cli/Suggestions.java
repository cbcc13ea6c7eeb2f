package dev.agentctl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one-line message for an argument picocli could not place: a mistyped command or option names the
 * closest ones ("unknown command 'shwo'; did you mean show?"). Closeness is the edit distance with
 * transpositions (picocli's own suggestions miss "lsit" → list).
 */
public final class Suggestions {
    private Suggestions() {}

    public static String message(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String token = unmatched.getUnmatched().get(0);
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (token.startsWith("-")) {
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            List<String> options = new ArrayList<>();
            for (OptionSpec o : spec.options()) options.addAll(List.of(o.names()));
            return "unknown option '" + name + "'" + didYouMean(name, options);
        }
        if (!spec.subcommands().isEmpty() && ex.getCommandLine().getParent() == null) {
            List<String> commands = new ArrayList<>(spec.subcommands().keySet());
            commands.remove("supervise"); // internal
            return "unknown command '" + token + "'" + didYouMean(token, commands);
        }
        return ex.getMessage();
    }

    /** "; did you mean X?" (or "X or Y") for the closest candidates, or "" when none is close. */
    static String didYouMean(String typed, List<String> candidates) {
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < best) {
                best = d;
                closest.clear();
            }
            if (d == best) closest.add(c);
        }
        // Close means: a third of the word at most (at least one edit), or the typed text is a prefix.
        int allowed = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
        if (best > allowed) {
            closest.clear();
            for (String c : candidates) {
                if (typed.length() >= 2 && c.startsWith(typed)) closest.add(c);
            }
        }
        if (closest.isEmpty()) return "";
        return "; did you mean " + String.join(" or ", closest.subList(0, Math.min(3, closest.size()))) + "?";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
