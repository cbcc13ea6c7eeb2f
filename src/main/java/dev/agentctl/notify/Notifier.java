package dev.agentctl.notify;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.base.TerminalText;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import dev.agentctl.store.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells the world a run finished (or stalled): notify.log for people, notify.jsonl for programs,
 * and through tmux a status-line message and, when configured, a wake-up line typed into the
 * orchestrator's pane. The files are the record; tmux delivery is best effort.
 */
public final class Notifier {
    /** Longest title, summary or error a notify.jsonl record carries, in characters. */
    static final int RECORD_TEXT_MAX = 2000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Workspace workspace;
    private final Config config;
    private final Consumer<String> problems;
    private final Map<String, String> env;

    /** {@code env}: the environment of the process that notifies (its PATH finds tmux, its TMUX_TMPDIR the server). */
    public Notifier(Workspace workspace, Config config, Map<String, String> env, Consumer<String> problems) {
        this.env = env;
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
        String text = "⏳ stalled " + field(RunId.string(m.runId())) + " proj=" + field(m.project()) + " profile=" + field(m.profile())
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
        return icon + " done " + field(RunId.string(m.runId())) + " proj=" + field(m.project()) + " profile="
                + field(m.profile()) + " goal_met=" + m.goalMet() + " exit=" + exit + " outcome=" + field(m.outcome()) + " — "
                + TerminalText.oneLine(about == null ? "" : about, 400);
    }

    /** A value in a notify.log line: a project directory named with a newline must not add a line. */
    private static String field(String s) {
        return TerminalText.field(s);
    }

    private static JsonObject record(String event, RunMeta m) {
        JsonObject o = new JsonObject();
        o.addProperty("ts", RunMeta.now());
        o.addProperty("event", event);
        for (String k : new String[] {"run_id", "title", "project", "profile", "status", "outcome", "goal_met",
                "exit_code", "summary", "error", "parent_run_id", "duration_s"}) {
            if (m.json().has(k)) o.add(k, m.json().get(k));
        }
        // A record is a pointer to the run, not a copy of it: long texts stay in meta.json.
        for (String k : new String[] {"title", "summary", "error"}) {
            String v = m.json().has(k) && m.json().get(k).isJsonPrimitive() ? m.json().get(k).getAsString() : null;
            if (v != null && v.length() > RECORD_TEXT_MAX) o.addProperty(k, NotifyFiles.cut(v, RECORD_TEXT_MAX));
        }
        return o;
    }

    private void append(String line, JsonObject rec) {
        try (FileLock ignored = FileLock.acquire(workspace.notifyLock())) {
            NotifyFiles.append(workspace.notifyLog(), line + "\n");
            NotifyFiles.append(workspace.notifyJsonl(), Json.compact(rec) + "\n");
        } catch (IOException e) {
            problems.accept("cannot append to " + workspace.notifyLog() + ": " + e.getMessage());
        }
    }

    /**
     * Text and Enter typed by several processes at once would interleave into one line ("[A][B]\n\n"):
     * a lock per target pane, across processes, makes each wake-up its own line.
     */
    private void typeWakeUp(Tmux tmux, String target, String text) throws IOException {
        Path locks = workspace.locksDir();
        Files.createDirectories(locks, PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_DIR));
        try (FileLock ignored = FileLock.acquire(locks.resolve(NotifyFiles.lockName("sendkeys", config.tmuxSocket(), target)))) {
            tmux.typeLine(target, text);
        }
    }

    private void tmux(RunMeta m, String status, String wakeUp) {
        if (!Tmux.installed(env.get("PATH"))) return;
        Tmux tmux = new Tmux(config.tmuxSocket(), env);
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
        String sendTo = m.notifyPane() != null ? m.notifyPane() : config.tmuxSendkeysTarget();
        if (sendTo != null) {
            try {
                typeWakeUp(tmux, sendTo, wakeUp);
            } catch (IOException | RuntimeException e) {
                problems.accept("tmux send-keys to " + sendTo + " failed: " + e.getMessage());
            }
        }
    }
}
