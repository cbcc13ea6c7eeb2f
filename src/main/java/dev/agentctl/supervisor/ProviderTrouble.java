package dev.agentctl.supervisor;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.lifecycle.StopRequest;
import dev.agentctl.run.Outcome;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Notices an agent (codex) that cannot reach its model: it keeps reporting reconnects or stream errors (as error
 * events, or on stderr) and never exits on its own (codex-exec.md). Such a run fails once the trouble has
 * lasted provider_retry_limit; any other event means the model answered, and the count starts again.
 */
final class ProviderTrouble {
    private static final Pattern SIGNS = Pattern.compile("(?i)reconnecting|stream error|stream disconnected"
            + "|error sending request|connection (failed|refused|reset)|waiting for network");
    /** stderr is read from where the last look ended, at most this much at a time. */
    private static final int MAX_READ = 64 * 1024;

    private final long limitNanos;
    private volatile long sinceNanos; // 0: no trouble
    private volatile String message;
    private long stderrOffset;

    ProviderTrouble(long limitSeconds) {
        this.limitNanos = TimeUnit.SECONDS.toNanos(limitSeconds);
    }

    /** From the event reader's thread. */
    void onEvent(AgentEvent e) {
        if (e.isError() && SIGNS.matcher(e.error()).find()) {
            troubleSeen(e.error(), System.nanoTime());
        } else if (!e.isError()) {
            sinceNanos = 0; // the model answered (or codex moved on): no longer stuck
        }
    }

    /** The reason to fail the run, or null; reads what codex added to its stderr since the last call. */
    StopRequest check(Path stderrLog, long nowNanos) {
        readStderr(stderrLog, nowNanos);
        long since = sinceNanos;
        if (since == 0 || nowNanos - since < limitNanos) return null;
        return new StopRequest(Outcome.FAILED, "cannot reach the model provider: codex kept reporting '"
                + message + "' for " + TimeUnit.NANOSECONDS.toSeconds(nowNanos - since)
                + "s (provider_retry_limit); check the network, the provider's base_url and credentials (agentctl doctor)");
    }

    private void troubleSeen(String text, long now) {
        String line = text.replaceAll("\\s+", " ").strip();
        message = line.length() > 300 ? line.substring(0, 300) + "…" : line;
        if (sinceNanos == 0) sinceNanos = now;
    }

    private void readStderr(Path file, long now) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length <= stderrOffset) return;
            byte[] buf = new byte[(int) Math.min(MAX_READ, length - stderrOffset)];
            f.seek(stderrOffset);
            f.readFully(buf);
            stderrOffset += buf.length;
            for (String line : new String(buf, StandardCharsets.UTF_8).split("\n")) {
                if (SIGNS.matcher(line).find()) troubleSeen(line.strip(), now);
            }
        } catch (IOException e) {
            // no stderr yet (or unreadable): only the events count
        }
    }
}
