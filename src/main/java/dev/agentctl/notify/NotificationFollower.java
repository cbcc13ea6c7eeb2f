package dev.agentctl.notify;

import dev.agentctl.base.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * `tail -f` for a notification file, woken by file-system events rather than polling. The file is
 * read in blocks, never whole (it may be huge), and every line printed goes through the terminal's
 * safe-text rule: the file is only as trustworthy as whoever could write to it.
 */
public final class NotificationFollower {
    private static final int BLOCK = 64 * 1024;
    /** A line longer than this is cut: one damaged line must not take the whole heap. */
    static final int LINE_MAX_BYTES = 1024 * 1024;

    private final Path file;
    private final PrintStream out;

    public NotificationFollower(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    public void run(int last, boolean follow) throws IOException, InterruptedException {
        if (!follow) {
            printLast(last);
            return;
        }
        // A process that cannot get a watch (inotify limits) still follows, by polling each second.
        WatchService watch = null;
        try {
            watch = FileSystems.getDefault().newWatchService();
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            if (watch != null) watch.close();
            watch = null;
        }
        try {
            long pos = printLast(last);
            while (!out.checkError()) {
                if (watch == null) {
                    Thread.sleep(1000); // the polling interval of the fallback, not synchronisation
                } else {
                    var key = watch.poll(1, TimeUnit.SECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
                pos = printFrom(pos);
            }
        } finally {
            if (watch != null) watch.close();
        }
    }

    /** Prints the last n whole lines; returns the position just after them. */
    private long printLast(int n) throws IOException {
        if (!Files.exists(file)) return 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = lastNewlineBefore(raf, raf.length()) + 1; // a half-written last line waits until complete
            long start = end;
            // Walk back over n line ends (the first is the one just before `end`).
            for (int lines = 0; start > 0 && lines < n; lines++) {
                start = lastNewlineBefore(raf, start - 1) + 1;
            }
            print(raf, start, end);
            return end;
        }
    }

    /** Prints whole lines appended since pos; returns the new position. */
    private long printFrom(long pos) throws IOException {
        if (!Files.exists(file)) return 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            if (size < pos) pos = 0; // truncated, rotated or replaced: start again
            if (size == pos) return pos;
            long end = lastNewlineBefore(raf, size) + 1;
            if (end <= pos) return pos;
            print(raf, pos, end);
            return end;
        }
    }

    /** The offset of the last '\n' before {@code limit}, or -1; reads backwards a block at a time. */
    private static long lastNewlineBefore(RandomAccessFile raf, long limit) throws IOException {
        byte[] buf = new byte[BLOCK];
        long blockEnd = limit;
        while (blockEnd > 0) {
            int len = (int) Math.min(BLOCK, blockEnd);
            long blockStart = blockEnd - len;
            raf.seek(blockStart);
            raf.readFully(buf, 0, len);
            for (int i = len - 1; i >= 0; i--) if (buf[i] == '\n') return blockStart + i;
            blockEnd = blockStart;
        }
        return -1;
    }

    /** Prints the lines in [from, to) (to is just after a '\n'), each made terminal-safe. */
    private void print(RandomAccessFile raf, long from, long to) throws IOException {
        byte[] buf = new byte[BLOCK];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean cut = false;
        raf.seek(from);
        long left = to - from;
        while (left > 0 && !out.checkError()) {
            int len = raf.read(buf, 0, (int) Math.min(BLOCK, left));
            if (len < 0) break;
            left -= len;
            int startOfPiece = 0;
            for (int i = 0; i < len; i++) {
                if (buf[i] != '\n') continue;
                cut |= append(line, buf, startOfPiece, i - startOfPiece);
                emit(line, cut);
                line.reset();
                cut = false;
                startOfPiece = i + 1;
            }
            cut |= append(line, buf, startOfPiece, len - startOfPiece);
        }
        out.flush();
    }

    private static boolean append(ByteArrayOutputStream line, byte[] buf, int off, int len) {
        int room = LINE_MAX_BYTES - line.size();
        line.write(buf, off, Math.max(0, Math.min(room, len)));
        return len > room;
    }

    private void emit(ByteArrayOutputStream line, boolean cut) {
        String text = TerminalText.field(line.toString(StandardCharsets.UTF_8));
        out.print(cut ? text + "… [line cut at " + LINE_MAX_BYTES + " bytes]\n" : text + "\n");
    }
}
