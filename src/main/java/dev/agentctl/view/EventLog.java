package dev.agentctl.view;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's events.jsonl as it grows: each call returns the complete lines written since the last
 * one. A line still being written stays for the next call, so no event is ever split in two.
 */
public final class EventLog {
    public static final String FILE = "events.jsonl";
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private long offset;
    private byte[] partial = new byte[0];

    public EventLog(Path runDir) {
        this.file = runDir.resolve(FILE);
    }

    /** The new complete lines, oldest first; empty while the file does not exist yet. */
    public List<String> next() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) return lines;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length < offset) { // replaced by a shorter file: start again
                offset = 0;
                partial = new byte[0];
            }
            f.seek(offset);
            byte[] chunk = new byte[CHUNK];
            int n;
            while (offset < length && (n = f.read(chunk, 0, (int) Math.min(CHUNK, length - offset))) > 0) {
                offset += n;
                split(chunk, n, lines);
            }
        }
        return lines;
    }

    private void split(byte[] chunk, int n, List<String> lines) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (chunk[i] != '\n') continue;
            byte[] line = new byte[partial.length + i - start];
            System.arraycopy(partial, 0, line, 0, partial.length);
            System.arraycopy(chunk, start, line, partial.length, i - start);
            lines.add(new String(line, StandardCharsets.UTF_8));
            partial = new byte[0];
            start = i + 1;
        }
        if (start < n) {
            byte[] rest = new byte[partial.length + n - start];
            System.arraycopy(partial, 0, rest, 0, partial.length);
            System.arraycopy(chunk, start, rest, partial.length, n - start);
            partial = rest;
        }
    }
}
