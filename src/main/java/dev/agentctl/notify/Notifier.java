package dev.agentctl.notify;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.tmux.TerminalText;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Tells the world a run finished (or stalled): notify.log for people, notify.jsonl for programs,
 * and through tmux a status-line message and, when configured, a wake-up line typed into the
 * orchestrator's pane. The files are the record; tmux delivery is best effort.
 */
public final class Notifier {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Workspace workspace;
    private final Config config;
    private final Consumer<String> problems;

    public Notifier(Workspace workspace, Config config, Consumer<String> problems) {
        this.workspace = workspace;
        this.config = config;
        this.problems = problems;
    }

    /**
     * The record of a finish, in notify.log and notify.jsonl. Written before the final meta, so
     * whoever a finished meta wakes (wait) finds the line already there.
     */
    public void recordFinished(RunMeta m) {
        append(stamped(finishedText(m)), record("done", m));
    }

    /** The tmux side of a finish; after the final meta, so a woken orchestrator reads the final state. */
    public void announceFinished(RunMeta m) {
        tmux(m, "agentctl: " + finishedText(m),
                "[AI_ORCH DONE run_id=" + m.runId() + " goal_met=" + m.goalMet() + " exit=" + m.exitCode() + "]");
    }

    public void stalled(RunMeta m, long quietSeconds) {
        String text = "⏳ stalled " + m.runId() + " proj=" + m.project() + " profile=" + m.profile()
                + " — no codex event for " + quietSeconds + "s";
        JsonObject rec = record("stalled", m);
        rec.addProperty("quiet_seconds", quietSeconds);
        append(stamped(text), rec);
        tmux(m, "agentctl: " + text,
                "[AI_ORCH STALLED run_id=" + m.runId() + " quiet_s=" + quietSeconds + "]");
    }

    /** A notify.log line: the local time, then the text. */
    private static String stamped(String text) {
        return "[" + STAMP.format(LocalDateTime.now()) + "] " + text;
    }

    /** "✅ done <id> proj=... — summary": the line without its time, as notify.log and tmux show it. */
    static String finishedText(RunMeta m) {
        Long exit = m.exitCode();
        String icon = exit != null && exit == 0 ? (Boolean.TRUE.equals(m.goalMet()) ? "✅" : "⚠️") : "❌";
        String about = m.summary() != null && !m.summary().isBlank() ? m.summary() : m.str("error");
        return icon + " done " + m.runId() + " proj=" + m.project() + " profile="
                + m.profile() + " goal_met=" + m.goalMet() + " exit=" + exit + " outcome=" + m.outcome() + " — "
                + TerminalText.oneLine(about == null ? "" : about, 400);
    }

    private static JsonObject record(String event, RunMeta m) {
        JsonObject o = new JsonObject();
        o.addProperty("ts", RunMeta.now());
        o.addProperty("event", event);
        for (String k : new String[] {"run_id", "title", "project", "profile", "status", "outcome", "goal_met",
                "exit_code", "summary", "error", "parent_run_id", "duration_s"}) {
            if (m.json().has(k)) o.add(k, m.json().get(k));
        }
        return o;
    }

    private void append(String line, JsonObject rec) {
        try (FileLock ignored = FileLock.acquire(workspace.notifyLock())) {
            Files.write(workspace.notifyLog(), (line + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.write(workspace.notifyJsonl(), (Json.compact(rec) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            problems.accept("cannot append to " + workspace.notifyLog() + ": " + e.getMessage());
        }
    }

    private void tmux(RunMeta m, String status, String wakeUp) {
        if (!Tmux.installed()) return;
        Tmux tmux = new Tmux(config.tmuxSocket());
        // By default the message goes to the run's own pane: whoever watches that session sees it.
        String target = config.tmuxNotifyTarget() != null ? config.tmuxNotifyTarget() : m.str("pane_id");
        if (target != null) {
            try {
                tmux.displayMessage(target, status);
            } catch (RuntimeException e) {
                problems.accept("tmux display-message to " + target + " failed: " + e.getMessage());
            }
        }
        // start --notify-pane gives one run its own wake-up target, so two orchestrators do not collide.
        String sendTo = m.str("notify_pane") != null ? m.str("notify_pane") : config.tmuxSendkeysTarget();
        if (sendTo != null) {
            try {
                tmux.typeLine(sendTo, wakeUp);
            } catch (RuntimeException e) {
                problems.accept("tmux send-keys to " + sendTo + " failed: " + e.getMessage());
            }
        }
    }
}
