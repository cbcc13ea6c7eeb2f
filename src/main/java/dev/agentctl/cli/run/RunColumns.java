package dev.agentctl.cli.run;

import dev.agentctl.run.RunMeta;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The human columns of `list` on a terminal: how long ago, how long it took, how big its change is. */
final class RunColumns {
    private static final Pattern INSERTIONS = Pattern.compile("(\\d+) insertions?\\(\\+\\)");
    private static final Pattern DELETIONS = Pattern.compile("(\\d+) deletions?\\(-\\)");

    private RunColumns() {}

    /** Since created_at: "45s", "12m", "3h", "5d". */
    static String age(RunMeta m, Instant now) {
        Instant created = instant(m.createdAt());
        return created == null ? "-" : shortDuration(Duration.between(created, now));
    }

    /** duration_s of a finished run; for a running one, the time since it started (so far). */
    static String took(RunMeta m, Instant now) {
        String seconds = m.str(RunMeta.DURATION_S);
        if (seconds != null) {
            try {
                return shortDuration(Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)));
            } catch (NumberFormatException e) {
                return "-";
            }
        }
        if (m.isFinished()) {
            Instant started = instant(m.str(RunMeta.STARTED_AT));
            Instant ended = instant(m.str(RunMeta.ENDED_AT));
            return started == null || ended == null ? "-" : shortDuration(Duration.between(started, ended));
        }
        Instant started = instant(m.str(RunMeta.STARTED_AT));
        return started == null ? "-" : shortDuration(Duration.between(started, now)) + "…";
    }

    /** "+12/-3" from a git diff --stat summary; "0" for a stat with no change, "-" when there is none. */
    static String diff(String stat) {
        if (stat == null) return "-";
        if (stat.isBlank()) return "0";
        Matcher ins = INSERTIONS.matcher(stat);
        Matcher del = DELETIONS.matcher(stat);
        String plus = ins.find() ? ins.group(1) : "0";
        String minus = del.find() ? del.group(1) : "0";
        return "+" + plus + "/-" + minus;
    }

    static String shortDuration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) return s + "s";
        if (s < 3600) return s / 60 + "m" + (s < 600 && s % 60 != 0 ? s % 60 + "s" : "");
        if (s < 86400) return s / 3600 + "h" + (s < 36000 && s / 60 % 60 != 0 ? s / 60 % 60 + "m" : "");
        return s / 86400 + "d";
    }

    private static Instant instant(String iso) {
        if (iso == null) return null;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
