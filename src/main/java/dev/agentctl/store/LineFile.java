package dev.agentctl.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A text file of lines read from either end without reading the rest: the first line, and the
 * lines before a given end offset one at a time, last first. What a log that grows at its end
 * needs to find its newest entries while it holds thousands of old ones.
 */
public final class LineFile implements AutoCloseable {
    private static final int BLOCK = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    // Bytes of the block being split, and how far back it has been consumed.
    private byte[] block = new byte[0];
    private int blockEnd;
    private long blockStart;
    private ByteArrayOutputStream carry;
    private boolean started;
    private boolean done;

    private LineFile(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.blockStart = size;
    }

    /** Opens the file for reading; NoSuchFileException when it is missing. */
    public static LineFile open(Path file) throws IOException {
        return new LineFile(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** The size when opened: lines beyond it (appended since) are not read. */
    public long size() {
        return size;
    }

    /** True when the file ends with a newline, i.e. its last line was written whole. */
    public boolean endsWithNewline() throws IOException {
        if (size == 0) return false;
        ByteBuffer b = ByteBuffer.allocate(1);
        channel.read(b, size - 1);
        return b.get(0) == '\n';
    }

    /** The first line (without its newline), or null when there is no complete first line within maxBytes. */
    public String firstLine(int maxBytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(maxBytes, size));
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // read until full or at the end
        }
        byte[] a = b.array();
        for (int i = 0; i < b.position(); i++) {
            if (a[i] == '\n') return new String(a, 0, i, StandardCharsets.UTF_8);
        }
        return null;
    }

    /**
     * The line before the last one returned (the file's last line on the first call; a final newline
     * does not make an empty last line), or null at the start of the file.
     */
    public String previousLine() throws IOException {
        if (!started) {
            started = true;
            if (size == 0) {
                done = true;
                return null;
            }
            loadBlockBefore(size);
            if (block[blockEnd - 1] == '\n') blockEnd--; // a final newline ends the last line, it starts none
        }
        while (true) {
            for (int i = blockEnd - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    String line = join(i + 1, blockEnd);
                    blockEnd = i;
                    return line;
                }
            }
            if (blockStart == 0) {
                if (done) return null;
                done = true; // the first line, which no newline precedes
                String line = join(0, blockEnd);
                blockEnd = 0;
                return line;
            }
            // The line goes on in the block before: keep this part and read on.
            byte[] part = java.util.Arrays.copyOfRange(block, 0, blockEnd);
            if (carry != null) part = concat(part, carry.toByteArray());
            carry = new ByteArrayOutputStream();
            carry.write(part, 0, part.length);
            loadBlockBefore(blockStart);
        }
    }

    private String join(int from, int to) {
        if (carry == null) return new String(block, from, to - from, StandardCharsets.UTF_8);
        byte[] tail = carry.toByteArray();
        carry = null;
        byte[] all = concat(java.util.Arrays.copyOfRange(block, from, to), tail);
        return new String(all, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void loadBlockBefore(long end) throws IOException {
        long start = Math.max(0, end - BLOCK);
        ByteBuffer b = ByteBuffer.allocate((int) (end - start));
        while (b.hasRemaining()) {
            if (channel.read(b, start + b.position()) < 0) throw new IOException("file shrank while read");
        }
        block = b.array();
        blockEnd = block.length;
        blockStart = start;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
