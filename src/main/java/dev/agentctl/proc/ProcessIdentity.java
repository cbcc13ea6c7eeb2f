package dev.agentctl.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A pid plus its start time: a pid alone can be reused by an unrelated process after the original
 * dies, so liveness always compares both.
 */
public record ProcessIdentity(long pid, long startedAtMillis) {
    public static ProcessIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessIdentity(self.pid(), startMillis(self).orElse(0L));
    }

    public static ProcessIdentity of(ProcessHandle h) {
        return new ProcessIdentity(h.pid(), startMillis(h).orElse(0L));
    }

    /** Null when either part is unknown. */
    public static ProcessIdentity of(Long pid, Long startedAtMillis) {
        return pid == null || startedAtMillis == null ? null : new ProcessIdentity(pid, startedAtMillis);
    }

    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(h -> !isGone(h)
                && startMillis(h).map(s -> s == startedAtMillis).orElse(false));
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    /**
     * A process that has exited but was not yet reaped by its parent (state Z) still has its pid and
     * start time; it is dead all the same, and a parent that never reaps (a container's PID 1) would
     * otherwise keep it "alive" forever.
     */
    public static boolean isZombie(long pid) {
        return state(pid) == 'Z';
    }

    /** Exited, whether or not its parent has reaped it yet (the JDK alone counts a zombie as alive). */
    public static boolean isGone(ProcessHandle h) {
        return !h.isAlive() || isZombie(h.pid());
    }

    /** Stopped by a signal (SIGSTOP, SIGTSTP) or a tracer: it runs no code until continued. */
    public static boolean isStopped(long pid) {
        char s = state(pid);
        return s == 'T' || s == 't';
    }

    /** The state letter of /proc/PID/stat; '?' when unknown (no /proc, not Linux, or gone). */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')'); // the command name in parentheses may hold anything
            return close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        } catch (IOException | RuntimeException e) {
            return '?';
        }
    }

    private static Optional<Long> startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli);
    }
}
