package dev.agentctl.tmux;

import java.util.ArrayList;
import java.util.List;

/**
 * Several tmux commands for ONE tmux invocation ({@code tmux a ... ; b ...}), with every argument protected
 * so that tmux receives exactly the strings given.
 *
 * <p>tmux 3.3a's cmd-parse splits the command-line arguments into commands by looking at each argument's
 * last character: an argument ending in {@code ;} ends a command (the ';' is dropped), while one ending in
 * {@code \;} becomes that text with the backslash removed. So a user's "a;" would silently end the command and
 * lose its ';'. {@link #literal} rewrites a trailing ';' as '\;', which tmux turns back into ';'.
 */
final class CommandChain {
    private final List<String> args = new ArrayList<>();

    /** Appends one tmux command (name and arguments, all taken literally). */
    CommandChain add(String... command) {
        return add(List.of(command));
    }

    CommandChain add(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty tmux command");
        }
        if (!args.isEmpty()) {
            args.add(";");
        }
        for (String arg : command) {
            args.add(literal(arg));
        }
        return this;
    }

    /** The arguments to put after {@code tmux [-L name]}. */
    List<String> args() {
        return List.copyOf(args);
    }

    /** The argument as tmux's argument splitter must see it to hand {@code arg} to the command unchanged. */
    static String literal(String arg) {
        if (arg.endsWith(";")) {
            return arg.substring(0, arg.length() - 1) + "\\;";
        }
        return arg;
    }

    /**
     * Text for an argument tmux expands as a format (-c start-directory, select-pane -T, new-session -s,
     * display-message): '#' starts #{...} and #(shell command), and "##" is tmux's escape for a literal '#'.
     */
    static String formatLiteral(String text) {
        return text.replace("#", "##");
    }
}
