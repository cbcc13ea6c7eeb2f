package dev.agentctl.base;

import dev.agentctl.base.AgentctlException;

/** Durations as users write them: "120" (seconds), "90s", "30m", "2h", "30d". */
public final class Durations {
    /** A year and a day: longer is surely a typo, and far longer overflows a clock in nanoseconds. */
    public static final long MAX_SECONDS = 366L * 24 * 3600;

    private Durations() {}

    public static long parseSeconds(String text, String what) {
        String s = text == null ? "" : text.trim();
        long unit = 1;
        if (!s.isEmpty()) {
            char last = s.charAt(s.length() - 1);
            unit = switch (last) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 0;
            };
            if (unit != 0) s = s.substring(0, s.length() - 1);
            else unit = 1;
        }
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            throw AgentctlException.usage(what + ": bad duration '" + text + "' (use seconds or 90s, 30m, 2h, 30d)");
        }
        long n = Long.parseLong(s) * unit;
        if (n <= 0) {
            throw AgentctlException.usage(what + ": duration must be positive, not '" + text + "'");
        }
        if (n > MAX_SECONDS) {
            throw AgentctlException.usage(what + ": duration '" + text + "' is too long (at most 366 days, " + MAX_SECONDS + "s)");
        }
        return n;
    }
}
