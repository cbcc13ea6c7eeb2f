package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Run ids: "20260215-143022-ab12cd" (local time + random), validated before any path is built. */
public final class RunId {
    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private RunId() {}

    /**
     * Built by hand: DateTimeFormatter, String.format and SecureRandom together cost `start` ~50 ms
     * of set-up. The random part only has to make collisions rare; createDir refuses a taken id.
     */
    public static String generate() {
        return at(LocalDateTime.now());
    }

    /** An id for a run made at the given local time. */
    public static String at(LocalDateTime t) {
        StringBuilder id = new StringBuilder(22);
        digits(id, t.getYear(), 4);
        digits(id, t.getMonthValue(), 2);
        digits(id, t.getDayOfMonth(), 2);
        id.append('-');
        digits(id, t.getHour(), 2);
        digits(id, t.getMinute(), 2);
        digits(id, t.getSecond(), 2);
        String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        return id.append('-').append("000000", hex.length(), 6).append(hex).toString();
    }

    private static void digits(StringBuilder to, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) to.append('0');
        to.append(s);
    }

    /** Returns the id, or throws a usage error naming why it is refused. */
    public static String validate(String id) {
        if (id == null || id.isEmpty()) {
            throw AgentctlException.usage("run id is empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw AgentctlException.usage("run id is too long (" + id.length() + " characters; at most " + MAX_LENGTH + ")");
        }
        // A leading '-' would read as an option on the supervisor's command line; '.' would hide the directory.
        if (!VALID.matcher(id).matches() || id.contains("..")) {
            throw AgentctlException.usage("bad run id '" + printable(id) + "' (letters, digits, '.', '_', '-', starting with a letter or digit; no '..')");
        }
        return id;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
