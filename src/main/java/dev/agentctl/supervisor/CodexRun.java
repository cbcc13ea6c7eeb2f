package dev.agentctl.supervisor;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.proc.RunProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent (codex, Claude Code) as a child process: prompt file on stdin (so stdin reaches EOF: no hang),
 * stdout read line by line into events.jsonl and the agent's turn reader, stderr to stderr.log. stdout is
 * always drained to the end, since codex panics when its stdout closes early.
 */
final class CodexRun {
    private final Process process;
    private final AgentTurn turn;
    private final Thread pump;
    private volatile long lastEventNanos = System.nanoTime();

    private final Consumer<String> warn;

    private CodexRun(Process process, AgentTurn turn, Path eventsFile, Consumer<AgentEvent> onEvent, Consumer<String> warn) {
        this.process = process;
        this.turn = turn;
        this.warn = warn;
        this.pump = new Thread(() -> pump(eventsFile, onEvent), "codex-events");
        this.pump.setDaemon(true);
        this.pump.start();
    }

    static CodexRun start(AgentTurn turn, List<String> argv, Path projectDir, Map<String, String> env, Path runDir,
            Consumer<AgentEvent> onEvent, Consumer<String> warn) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(projectDir.toFile())
                .redirectInput(runDir.resolve("prompt.md").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(runDir.resolve("stderr.log").toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        // Inherited by everything the agent starts, however it detaches: kill finds them all (RunProcesses).
        pb.environment().put(RunProcesses.MARKER_ENV, runDir.getFileName().toString());
        return new CodexRun(pb.start(), turn, runDir.resolve("events.jsonl"), onEvent, warn);
    }

    Process process() { return process; }
    AgentTurn turn() { return turn; }
    long lastEventNanos() { return lastEventNanos; }

    /** Waits for stdout to be fully read after the process ended. */
    void awaitEvents(long millis) throws InterruptedException {
        pump.join(millis);
    }

    private void pump(Path eventsFile, Consumer<AgentEvent> onEvent) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             OutputStream log = Files.newOutputStream(eventsFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                log.flush();
                lastEventNanos = System.nanoTime();
                AgentEvent e = turn.accept(line); // thread-safe: the supervisor reads it from its own thread
                if (e == null) continue;
                try {
                    onEvent.accept(e);
                } catch (RuntimeException ex) {
                    // Keep draining stdout whatever happens: codex panics when its stdout closes early.
                    warn.accept("handling an agent event failed: " + ex.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            warn.accept("reading the agent's events failed: " + e);
        }
    }
}
