package dev.agentctl.supervisor;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Catches SIGINT, SIGHUP and SIGTERM so the supervisor can stop codex and finalize the run instead
 * of the JVM just exiting (which would leave codex running as an orphan and the run unfinished).
 */
final class SignalHandlers {
    private SignalHandlers() {}

    static void install(Consumer<String> onSignal) {
        for (String name : new String[] {"INT", "HUP", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> onSignal.accept(s.getName()));
            } catch (IllegalArgumentException e) {
                // signal unavailable on this platform (or already in use by the JVM): keep its default
            }
        }
    }
}
