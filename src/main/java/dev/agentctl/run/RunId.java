package dev.agentctl.run;

import dev.agentctl.cli.AgentctlException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Run ids: "20260215-143022-ab12cd" (local time + random), validated before any path is built. */
public final class RunId {
    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");

    private RunId() {}

    public static String generate() {
        return Generator.STAMP.format(LocalDateTime.now()) + "-" + String.format("%06x", Generator.RANDOM.nextInt(1 << 24));
    }

    /** Set up on first use: show, list and wait only validate ids, and this costs them ~20 ms. */
    private static final class Generator {
        static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** Returns the id, or throws a usage error naming why it is refused. */
    public static String validate(String id) {
        if (id == null || id.isEmpty()) {
            throw AgentctlException.usage("run id is empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw AgentctlException.usage("run id is too long (" + id.length() + " characters; at most " + MAX_LENGTH + ")");
        }
        if (!VALID.matcher(id).matches() || id.contains("..") || id.startsWith(".")) {
            throw AgentctlException.usage("bad run id '" + printable(id) + "' (letters, digits, '.', '_', '-'; no '..')");
        }
        return id;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
