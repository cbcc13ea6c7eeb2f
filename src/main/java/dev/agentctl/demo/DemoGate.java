package dev.agentctl.demo;

import dev.agentctl.base.AgentctlException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the demo's cleanup and the creation of things apart. An interrupted demo cleans up from a shutdown
 * hook while its main thread may be in the middle of `agentctl start` or `resume`; a run (and a tmux server)
 * created after the cleanup would outlive it. So creating work passes through the gate, and closing the
 * gate waits for work in flight and refuses all later work.
 */
final class DemoGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /** Runs work unless the gate is closed; several may run at once. */
    <T> T pass(Supplier<T> work) {
        lock.readLock().lock();
        try {
            if (closed) throw AgentctlException.failed("the demo was interrupted");
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes for good, once the work in flight has ended (or patience ran out); then runs afterwards. */
    void close(Duration patience, Runnable afterwards) {
        closed = true;
        boolean locked = false;
        try {
            locked = lock.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            afterwards.run();
        } finally {
            if (locked) lock.writeLock().unlock();
        }
    }
}
