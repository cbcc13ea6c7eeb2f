package dev.agentctl.base;

/**
 * Makes untrusted text safe to show in, or type into, a terminal: a single line without control
 * characters or escape sequences, so it can neither move the cursor, retitle the terminal, nor press Enter.
 */
public final class TerminalText {
    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;
    private static final char C1_DCS = 0x90;
    private static final char C1_SOS = 0x98;
    private static final char C1_CSI = 0x9B;
    private static final char C1_ST = 0x9C;
    private static final char C1_OSC = 0x9D;
    private static final char C1_PM = 0x9E;
    private static final char C1_APC = 0x9F;
    private static final String ELLIPSIS = "…";

    private TerminalText() {
    }

    /**
     * One line, no control characters (CR/LF become a space, TAB a space, every other C0, DEL and C1 is
     * dropped), ANSI escape sequences removed entirely, at most {@code maxChars} code points (the last one
     * being "…" when cut). {@code null} gives "".
     */
    public static String oneLine(String s, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
        }
        if (s == null) {
            return "";
        }
        return cap(strip(s), maxChars);
    }

    /**
     * One safe line with runs of white space folded to one space and the ends trimmed, for text shown
     * as a phrase (progress lines, messages); null stays null.
     */
    public static String compact(String s, int maxChars) {
        if (s == null) {
            return null;
        }
        String folded = WHITE_SPACE.matcher(strip(s)).replaceAll(" ").strip();
        return cap(folded, maxChars).replace(" " + ELLIPSIS, ELLIPSIS);
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    /**
     * A value inside a line-oriented format (a table cell, a tab-separated field, a log line, a
     * quoted value in an error): {@link #oneLine} without a length cap. {@code null} gives "".
     */
    public static String field(String s) {
        return s == null ? "" : strip(s);
    }

    private static String strip(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ESC) {
                i = skipEscape(s, i + 1);
            } else if (c == C1_CSI) {
                i = skipCsiBody(s, i + 1);
            } else if (c == C1_OSC || c == C1_DCS || c == C1_SOS || c == C1_PM || c == C1_APC) {
                i = skipControlString(s, i + 1);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                out.append(' ');
                i += 2;
            } else if (c == '\r' || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029' || isBidiControl(c)) {
                out.append(' ');
                i++;
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                i++; // a lone surrogate cannot be encoded; it would turn into '?'
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Embeddings, overrides and isolates reorder what follows them on screen ("Trojan source"). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code from} is just after ESC; returns the index after the whole sequence. */
    private static int skipEscape(String s, int from) {
        if (from >= s.length()) {
            return from;
        }
        char c = s.charAt(from);
        switch (c) {
            case '[':
                return skipCsiBody(s, from + 1);
            case ']':
            case 'P':
            case 'X':
            case '^':
            case '_':
                return skipControlString(s, from + 1);
            default:
                break;
        }
        // nF / Fp / Fe / Fs: intermediates 0x20-0x2F, then one final byte 0x30-0x7E.
        int i = from;
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2F) {
            i++;
        }
        if (i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x7E) {
            return i + 1;
        }
        return i; // malformed: drop the ESC and intermediates, keep what follows
    }

    /** CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E. */
    private static int skipCsiBody(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x3F) {
            i++;
        }
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2F) {
            i++;
        }
        if (i < s.length() && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7E) {
            return i + 1;
        }
        return i;
    }

    /**
     * OSC/DCS/SOS/PM/APC run until BEL, ESC \ or C1 ST. An unterminated one swallows the rest: a terminal
     * would not show that text either, and half a title sequence must not survive.
     */
    private static int skipControlString(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == BEL || c == C1_ST) {
                return i + 1;
            }
            if (c == ESC) {
                // ESC \ is ST; any other ESC ends the string and starts a sequence of its own.
                return i + 1 < s.length() && s.charAt(i + 1) == '\\' ? i + 2 : i;
            }
        }
        return s.length();
    }

    private static String cap(String s, int maxChars) {
        if (s.codePointCount(0, s.length()) <= maxChars) {
            return s;
        }
        int end = s.offsetByCodePoints(0, maxChars - 1);
        return s.substring(0, end) + ELLIPSIS;
    }
}
