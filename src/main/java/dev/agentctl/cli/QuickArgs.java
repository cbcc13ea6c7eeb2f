package dev.agentctl.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches a command's arguments against its plain shape without picocli: known option names each
 * followed by an ordinary value, flags, and positionals. Any token picocli might read differently
 * (unknown or repeated options, "--opt=value", "@file", values that start with '-' or are empty, also
 * after "--", numbers it could refuse) makes the match fail, and picocli parses, and reports, as always.
 */
public final class QuickArgs {
    /** How an option takes its value. */
    public enum Kind { FLAG, TEXT, COUNT }

    /** What a command accepts: options by name, and between min and max positionals. */
    public record Shape(Map<String, Kind> options, int minPositionals, int maxPositionals) {}

    /** A successful match: option values by name (flags map to "true") and the positionals in order. */
    public record Match(Map<String, String> options, List<String> positionals) {
        public String text(String name) {
            return options.get(name);
        }

        public Integer count(String name) {
            String v = options.get(name);
            return v == null ? null : Integer.valueOf(v);
        }

        public boolean flag(String name) {
            return options.containsKey(name);
        }
    }

    /** Decimal, no sign, no leading zero, fits an int: what Integer.valueOf reads one way only. */
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,8}");

    private QuickArgs() {}

    /** The match, or null when picocli must parse these arguments. */
    public static Match match(Shape shape, List<String> args) {
        Map<String, String> options = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { // the end of options: what follows is positional (supervise's argv ends "-- RUN_ID")
                for (String rest : args.subList(i + 1, args.size())) {
                    if (!plain(rest)) return null;
                    positionals.add(rest);
                }
                break;
            }
            if (!plain(a)) {
                Kind kind = shape.options().get(a);
                if (kind == null || a.isEmpty() || options.containsKey(a)) return null;
                if (kind == Kind.FLAG) {
                    options.put(a, "true");
                    continue;
                }
                if (i + 1 >= args.size()) return null;
                String value = args.get(++i);
                if (!plain(value) || kind == Kind.COUNT && !COUNT.matcher(value).matches()) return null;
                options.put(a, value);
            } else {
                positionals.add(a);
            }
        }
        if (positionals.size() < shape.minPositionals() || positionals.size() > shape.maxPositionals()) return null;
        return new Match(options, positionals);
    }

    /** A token picocli takes literally: not empty, not option-like, not an @file to expand. */
    public static boolean plain(String token) {
        return !token.isEmpty() && token.charAt(0) != '-' && token.charAt(0) != '@';
    }
}
