package dev.agentctl.codex;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A run's events.jsonl as the readable lines its pane showed ({@link ProgressView}): for logs of a run
 * that is not in front of you. Lines that are not events, and events the view does not show, are skipped.
 */
public final class EventLog {
    private EventLog() {}

    /** The last maxLines readable lines (all when maxLines is null); empty when the file does not exist yet. */
    public static List<String> lastLines(Path eventsFile, Integer maxLines) throws IOException {
        Deque<String> kept = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
            String raw;
            while ((raw = in.readLine()) != null) {
                String line = ProgressView.describe(CodexEvent.parse(raw));
                if (line == null) continue;
                kept.addLast(line);
                if (maxLines != null && kept.size() > maxLines) kept.removeFirst();
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(kept);
    }
}
