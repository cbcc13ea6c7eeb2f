package dev.agentctl.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock across processes (an OS file lock) and across threads of this JVM (the OS lock
 * alone would throw OverlappingFileLockException for a second thread).
 */
public final class FileLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final java.nio.channels.FileLock osLock;

    private FileLock(ReentrantLock threadLock, FileChannel channel, java.nio.channels.FileLock osLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.osLock = osLock;
    }

    public static FileLock acquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) {
            // Re-entry from the same thread: the OS lock is already held by the outer acquire.
            return new FileLock(threadLock, null, null);
        }
        FileChannel ch = null;
        try {
            // Private whatever the umask, and never through a symlink planted where the lock file goes.
            ch = FileChannel.open(key, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_FILE));
            return new FileLock(threadLock, ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (osLock != null) osLock.release();
            if (channel != null) channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
