package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run id, "20260215-143022-ab12cd" (local time + random): checked once where it enters (an argument,
 * a file, a directory name), so a RunId in hand is always safe to build a path from. Ids sort by time.
 */
public final class RunId implements Comparable<RunId> {
    public static final int MAX_LENGTH = 128;

    private final String value;

    private RunId(String value) {
        this.value = value;
    }

    /** The id, or a usage error naming why it is refused. */
    public static RunId of(String id) {
        if (id == null || id.isEmpty()) {
            throw AgentctlException.usage("run id is empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw AgentctlException.usage("run id is too long (" + id.length() + " characters; at most " + MAX_LENGTH + ")");
        }
        // A leading '-' would read as an option on the supervisor's command line; '.' would hide the directory.
        if (!wellFormed(id)) {
            throw AgentctlException.usage("bad run id '" + printable(id) + "' (letters, digits, '.', '_', '-', starting with a letter or digit; no '..')");
        }
        return new RunId(id);
    }

    /** The id, or null when the string is not one: for names read from disk, which are skipped, not refused. */
    public static RunId parse(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && wellFormed(id) ? new RunId(id) : null;
    }

    /**
     * Built by hand: DateTimeFormatter, String.format and SecureRandom together cost `start` ~50 ms
     * of set-up. The random part only has to make collisions rare; createDir refuses a taken id.
     */
    public static RunId generate() {
        return at(LocalDateTime.now());
    }

    /** An id for a run made at the given local time. */
    public static RunId at(LocalDateTime t) {
        StringBuilder id = new StringBuilder(22);
        digits(id, t.getYear(), 4);
        digits(id, t.getMonthValue(), 2);
        digits(id, t.getDayOfMonth(), 2);
        id.append('-');
        digits(id, t.getHour(), 2);
        digits(id, t.getMinute(), 2);
        digits(id, t.getSecond(), 2);
        String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        return new RunId(id.append('-').append("000000", hex.length(), 6).append(hex).toString());
    }

    private static void digits(StringBuilder to, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) to.append('0');
        to.append(s);
    }

    /** [A-Za-z0-9][A-Za-z0-9._-]* without "..", by hand: index rebuilds parse thousands of names. */
    private static boolean wellFormed(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (alnum) continue;
            if (i == 0 || c != '.' && c != '_' && c != '-') return false;
            if (c == '.' && id.charAt(i - 1) == '.') return false;
        }
        return true;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    public String value() { return value; }

    /** The id's string, or null for no id: for JSON fields that may be empty. */
    public static String string(RunId id) {
        return id == null ? null : id.value;
    }

    @Override public String toString() { return value; }

    @Override public boolean equals(Object o) {
        return o instanceof RunId other && value.equals(other.value);
    }

    @Override public int hashCode() { return value.hashCode(); }

    /** String order, which for generated ids is the order they were made in. */
    @Override public int compareTo(RunId o) { return value.compareTo(o.value); }
}
