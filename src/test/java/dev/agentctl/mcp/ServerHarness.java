package dev.agentctl.mcp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An McpServer on pipes: lines go in, each line it writes comes out as a parsed message. */
final class ServerHarness implements AutoCloseable {
    private final PipedOutputStream toServer = new PipedOutputStream();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    ServerHarness(List<Tool> tools, Resources resources) throws IOException {
        PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
        PrintStream out = new PrintStream(new LineSplitter(lines), true, StandardCharsets.UTF_8);
        McpServer server = new McpServer(new McpMethods("test", "1", null, tools, resources), out,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Thread t = new Thread(() -> {
            try {
                exit.complete(server.serve(in));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "mcp-server-under-test");
        t.setDaemon(true);
        t.start();
    }

    void send(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    void closeInput() throws IOException {
        toServer.close();
    }

    /** The next message the server writes, within 10 s. */
    JsonObject next() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        if (line == null) throw new AssertionError("no message from the server within 10 s");
        return JsonParser.parseString(line).getAsJsonObject();
    }

    /** Nothing more arrives within the given time. */
    String nextWithin(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }

    private static final class LineSplitter extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineSplitter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
