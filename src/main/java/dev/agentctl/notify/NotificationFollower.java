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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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

    private long printLast(int n) throws IOException {
        if (!Files.exists(file)) return 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Deque<String> tail = new ArrayDeque<>();
        for (String l : lines) {
            tail.addLast(l);
            if (tail.size() > n) tail.removeFirst();
        }
        tail.forEach(out::println);
        out.flush();
        return Files.size(file);
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
