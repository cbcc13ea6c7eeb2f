package dev.agentctl.proc;

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
        return ProcessHandle.of(pid).filter(h -> h.isAlive() && startMillis(h).map(s -> s == startedAtMillis).orElse(false));
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    private static Optional<Long> startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli);
    }
}
