package dev.agentctl.notify;

import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * notify.log and notify.jsonl on disk: private (0600 whatever the umask), appended to under the
 * notify lock, and rotated by size so they never grow without bound: past {@link #ROTATE_BYTES} a
 * file becomes FILE.1 (replacing the previous one) and a new FILE is started.
 */
final class NotifyFiles {
    static final long ROTATE_BYTES = 16L * 1024 * 1024;

    private NotifyFiles() {}

    /** Appends text; the caller holds the notify lock. */
    static void append(Path file, String text) throws IOException {
        rotateIfLarge(file);
        // NOFOLLOW_LINKS: a notify file replaced by a symlink must not send our lines elsewhere.
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_FILE))) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
        }
    }

    private static void rotateIfLarge(Path file) throws IOException {
        try {
            if (Files.size(file) < ROTATE_BYTES) return;
        } catch (NoSuchFileException e) {
            return;
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** s cut to at most max characters, the cut marked. */
    static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, end) + "…";
    }

    /** A lock file name for a thing named by several strings: readable, and distinct for distinct names. */
    static String lockName(String kind, String... parts) {
        String joined = String.join("\u0000", java.util.Arrays.stream(parts).map(p -> p == null ? "" : p).toList());
        String readable = joined.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) readable = readable.substring(0, 60);
        return kind + "-" + readable + "-" + Integer.toHexString(joined.hashCode()) + ".lock";
    }
}
