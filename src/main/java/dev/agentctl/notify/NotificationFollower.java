package dev.agentctl.notify;

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

/** `tail -f` for a notification file, woken by file-system events rather than polling. */
public final class NotificationFollower {
    private final Path file;
    private final PrintStream out;

    public NotificationFollower(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    public void run(int last, boolean follow) throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            if (follow) {
                file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
            long pos = printLast(last);
            while (follow && !out.checkError()) {
                var key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                pos = printFrom(pos);
            }
        }
    }

    /** Prints the last n whole lines; returns the position just after them, from the same read. */
    private long printLast(int n) throws IOException {
        if (!Files.exists(file)) return 0;
        byte[] all = Files.readAllBytes(file);
        int end = lastNewline(all) + 1; // a half-written last line is printed when it is complete
        int start = end;
        for (int lines = 0; start > 0 && lines < n; lines++) {
            start--;
            while (start > 0 && all[start - 1] != '\n') start--;
        }
        out.print(new String(all, start, end - start, StandardCharsets.UTF_8));
        out.flush();
        return end;
    }

    /** Prints whole lines appended since pos; returns the new position. */
    private long printFrom(long pos) throws IOException {
        if (!Files.exists(file)) return 0;
        long size = Files.size(file);
        if (size < pos) pos = 0; // truncated or replaced: start again
        if (size == pos) return pos;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(pos);
            byte[] buf = new byte[(int) (size - pos)];
            raf.readFully(buf);
            int end = lastNewline(buf);
            if (end < 0) return pos;
            out.print(new String(buf, 0, end + 1, StandardCharsets.UTF_8));
            out.flush();
            return pos + end + 1;
        }
    }

    private static int lastNewline(byte[] buf) {
        for (int i = buf.length - 1; i >= 0; i--) if (buf[i] == '\n') return i;
        return -1;
    }
}
