package dev.agentctl.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Temp file + rename in the same directory: readers see the old file or the new one, never half. */
public final class AtomicFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {}

    public static void write(Path target, byte[] data) throws IOException {
        write(target, data, null);
    }

    public static void write(Path target, byte[] data, Set<PosixFilePermission> perms) throws IOException {
        write(target, data, perms, true);
    }

    /**
     * A private file that can be rebuilt from others (a cache): replaced atomically like any other,
     * but not forced to disk, since after a crash a lost or empty cache only costs a rebuild.
     */
    public static void writeCache(Path target, byte[] data) throws IOException {
        write(target, data, OWNER_ONLY_FILE, false);
    }

    private static void write(Path target, byte[] data, Set<PosixFilePermission> perms, boolean durable) throws IOException {
        try (Pending p = prepare(target, data, perms, durable)) {
            p.commit();
        }
    }

    /**
     * The first half of a write: the new content complete on disk under a temporary name, so that
     * everything that can fail (a full disk, a read-only directory) has failed before the caller acts
     * on the write's success; {@link Pending#commit} then only renames. Closing without commit removes it.
     */
    public static Pending prepare(Path target, byte[] data) throws IOException {
        return prepare(target, data, null, true);
    }

    private static Pending prepare(Path target, byte[] data, Set<PosixFilePermission> perms, boolean durable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (perms != null) {
                    Files.setPosixFilePermissions(tmp, perms);
                }
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (durable) ch.force(false);
            }
            return new Pending(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** A prepared write: {@link #commit} renames it into place; {@link #close} without commit discards it. */
    public static final class Pending implements AutoCloseable {
        private final Path tmp;
        private final Path target;

        private Pending(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        public void commit() throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates a file that nobody else can read, failing if it exists. */
    public static void createPrivate(Path target, byte[] data) throws IOException {
        write(target, data, OWNER_ONLY_FILE);
    }
}
