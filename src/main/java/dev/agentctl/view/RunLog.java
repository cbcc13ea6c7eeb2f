package dev.agentctl.view;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.run.RunMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's readable progress, rendered from events.jsonl exactly as its pane shows it (or the raw
 * events), for tmux and detached runs alike and long after the pane is gone.
 */
public final class RunLog {
    private final EventLog events;
    private final boolean raw;
    private final AgentTurn reader;

    /**
     * @param raw    true for the events as the agent wrote them, one JSON object a line
     * @param reader a fresh reader of the run's agent (codex, Claude Code): it turns lines into progress
     */
    public RunLog(Path runDir, boolean raw, AgentTurn reader) {
        this.events = new EventLog(runDir);
        this.raw = raw;
        this.reader = reader;
    }

    /** The progress lines written since the last call. */
    public List<String> next() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : events.next()) {
            if (raw) {
                if (!line.isBlank()) out.add(line);
                continue;
            }
            AgentEvent e = reader.accept(line);
            if (e != null) e.progress().stream().filter(s -> !s.isBlank()).forEach(out::add);
        }
        return out;
    }

    /** The last n of the progress lines written since the last call (n < 0: all). */
    public List<String> nextLast(int n) throws IOException {
        List<String> all = next();
        if (n < 0 || all.size() <= n) return all;
        return new ArrayList<>(all.subList(all.size() - n, all.size()));
    }

    /** What a run looks like now: header, the last n progress lines, and the result once finished. */
    public static List<String> snapshot(RunMeta m, Path runDir, int n, boolean raw, AgentTurn reader) throws IOException {
        List<String> out = new ArrayList<>();
        if (!raw) out.addAll(RunReport.header(m));
        out.addAll(new RunLog(runDir, raw, reader).nextLast(n));
        if (!raw && m.isFinished()) out.addAll(RunReport.result(m));
        return out;
    }
}
