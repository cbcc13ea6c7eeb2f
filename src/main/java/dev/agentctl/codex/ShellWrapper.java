package dev.agentctl.codex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shows the command codex ran rather than the shell invocation around it ("/bin/bash -lc '...'"). */
final class ShellWrapper {
    private static final Pattern WRAPPER = Pattern.compile("^(?:/usr)?(?:/bin/)?(?:bash|zsh|sh) -l?c (.+)$", Pattern.DOTALL);

    private ShellWrapper() {}

    /** The script inside a `bash -lc <one word>` wrapper; the command unchanged when it is not exactly that. */
    static String strip(String command) {
        if (command == null) {
            return null;
        }
        Matcher m = WRAPPER.matcher(command.strip());
        if (!m.matches()) {
            return command;
        }
        String word = singleShellWord(m.group(1));
        return word == null ? command : word;
    }

    /** Decodes text as exactly one POSIX shell word ('…', "…", \x, plain), or null when it is not one. */
    private static String singleShellWord(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return null; // a second word: not a plain wrapper
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) return null;
                out.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                        d = text.charAt(++i);
                    }
                    out.append(d);
                    i++;
                }
                if (i >= n) return null;
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) return null;
                out.append(text.charAt(i + 1));
                i += 2;
            } else if ("|&;<>()$`*?[#~".indexOf(c) >= 0) {
                return null; // unquoted shell syntax: the outer text is more than one literal word
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
