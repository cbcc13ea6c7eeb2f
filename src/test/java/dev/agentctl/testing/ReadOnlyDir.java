package dev.agentctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory unwritable for this test, as a read-only or full file system would: chmod for
 * an ordinary user, chattr +i for root (whom permissions do not stop). Restored on close.
 */
public final class ReadOnlyDir implements AutoCloseable {
    private final Path dir;
    private final Set<PosixFilePermission> before;
    private final boolean immutable;

    private ReadOnlyDir(Path dir, Set<PosixFilePermission> before, boolean immutable) {
        this.dir = dir;
        this.before = before;
        this.immutable = immutable;
    }

    public static ReadOnlyDir of(Path dir) throws IOException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir);
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        boolean immutable = false;
        if (writable(dir)) {
            immutable = Procs.run(List.of("chattr", "+i", dir.toString()), dir, null, null, Duration.ofSeconds(10)).exit() == 0;
        }
        ReadOnlyDir ro = new ReadOnlyDir(dir, before, immutable);
        if (writable(dir)) {
            ro.close();
            Assumptions.abort("cannot make " + dir + " read-only here (neither chmod nor chattr +i stops writes)");
        }
        return ro;
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (immutable) Procs.run(List.of("chattr", "-i", dir.toString()), dir, null, null, Duration.ofSeconds(10));
        Files.setPosixFilePermissions(dir, before);
    }
}
