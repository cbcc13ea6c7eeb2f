package dev.agentctl.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.store.Json;
import java.util.ArrayList;
import java.util.List;

/** The read side of {@link RunMeta}: what a run's meta.json says, by name. Writes are RunMeta's transitions. */
public abstract class RunMetaView implements MetaKeys {
    protected final JsonObject json;

    RunMetaView(JsonObject json) {
        this.json = json;
    }

    public JsonObject json() { return json; }

    public String str(String key) { return Json.string(json, key); }
    public Long num(String key) { return Json.longValue(json, key); }
    public Boolean bool(String key) { return Json.bool(json, key); }

    /** null only for a meta not read through RunStore (which checks run_id against its directory). */
    public RunId runId() { return RunId.parse(str(RUN_ID)); }
    public String status() { return str(STATUS); }
    public RunState state() { return RunState.of(status()); }
    public String outcome() { return str(OUTCOME); }
    public Outcome outcomeValue() { return Outcome.of(outcome()); }
    public String project() { return str(PROJECT); }
    public String projectDir() { return str(PROJECT_DIR); }
    public String profile() { return str(PROFILE); }
    /** null for a run made before runs named their agent (codex). */
    public String agent() { return str(AGENT); }
    public String title() { return str(TITLE); }
    public String createdAt() { return str(CREATED_AT); }
    public String threadId() { return str(THREAD_ID); }
    public Boolean goalMet() { return bool(GOAL_MET); }
    public Long exitCode() { return num(EXIT_CODE); }
    public String summary() { return str(SUMMARY); }
    public String error() { return str(ERROR); }
    public RunId parentRunId() { return RunId.parse(str(PARENT_RUN_ID)); }
    public String tmuxSession() { return str(TMUX_SESSION); }
    public Long timeoutSeconds() { return num(TIMEOUT_S); }
    public String paneId() { return str(PANE_ID); }
    public RunMode mode() { return RunMode.of(str(MODE)); }
    /** A message sent to a run (`send`), waiting for or taking the next turn of that run's thread. */
    public boolean isFollowup() { return mode() == RunMode.FOLLOWUP; }

    public String group() { return str(GROUP); }
    /** The run's own wake-up pane, or null for config's tmux_sendkeys_target. */
    public String notifyPane() { return str(NOTIFY_PANE); }
    /** "tmux" or "detached": how its supervisor is (or was to be) started. */
    public String launcher() { return str(LAUNCHER); }
    public int depth() { Long d = num(DEPTH); return d == null ? 0 : d.intValue(); }
    public RunId spawnedBy() { return RunId.parse(str(SPAWNED_BY)); }
    public String queuedReason() { return str(QUEUED_REASON); }
    public String launchedAt() { return str(LAUNCHED_AT); }
    public boolean afterAny() { return Boolean.TRUE.equals(bool(AFTER_ANY)); }
    public Long queueTimeoutSeconds() { return num(QUEUE_TIMEOUT_S); }
    /** The runs this one waits for; an entry that is not a run id (a hand-edited file) names no run and is skipped. */
    public List<RunId> after() {
        List<RunId> ids = new ArrayList<>();
        for (String s : strings(AFTER)) {
            RunId id = RunId.parse(s);
            if (id != null) ids.add(id);
        }
        return ids;
    }
    public String followupPrompt() { return str(FOLLOWUP_PROMPT); }
    public String notes() { return str(NOTES); }
    public String diffStat() { return str(GIT_DIFF_STAT); }
    public String batchTaskId() { return str(BATCH_TASK_ID); }
    public String batchEscalate() { return str(BATCH_ESCALATE); }
    public RunId escalatedTo() { return RunId.parse(str(ESCALATED_TO)); }
    public String escalationError() { return str(ESCALATION_ERROR); }
    /** Made while its batch is submitted, not released yet: it waits and is never launched. */
    public boolean isHeld() { return str(HELD) != null && isWaitingInQueue(); }
    public String heldReason() { return str(HELD); }

    /**
     * The runs of the tasks this batch task depends on, by task id, in the plan's order: kept as the
     * strings the prompt's templates insert, never used to find a run directory.
     */
    public java.util.Map<String, String> batchDeps() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        JsonElement d = json.get(BATCH_DEPS);
        if (d != null && d.isJsonObject()) {
            d.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getValue().isJsonPrimitive()) out.put(e.getKey(), e.getValue().getAsString());
            });
        }
        return out;
    }

    /**
     * Queued and not yet given a slot. A queued run from before the queue existed (no queued_at) was
     * launched at once, as was every run then.
     */
    public boolean isWaitingInQueue() {
        return state() == RunState.QUEUED && str(QUEUED_AT) != null && str(LAUNCHED_AT) == null;
    }

    /** Holds a slot: running, or launched and its supervisor not yet started. */
    public boolean holdsSlot() {
        RunState s = state();
        return s == RunState.RUNNING || s == RunState.QUEUED && !isWaitingInQueue();
    }

    public List<String> codexArgv() {
        return strings(CODEX_ARGV);
    }

    private List<String> strings(String key) {
        List<String> argv = new ArrayList<>();
        JsonElement a = json.get(key);
        if (a != null && a.isJsonArray()) a.getAsJsonArray().forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    public boolean isFinished() { return state() == RunState.FINISHED; }

    public boolean isWorktree() { return ISOLATION_WORKTREE.equals(str(ISOLATION)); }
    public String worktree() { return str(WORKTREE); }
    public String branch() { return str(BRANCH); }
    public String baseCommit() { return str(BASE_COMMIT); }
    public String headCommit() { return str(HEAD_COMMIT); }
    /** Where codex works: the project's directory inside the run's worktree, or the project's own. */
    public String workDir() { return isWorktree() && str(WORK_DIR) != null ? str(WORK_DIR) : projectDir(); }

    /** The run's supervisor (pid and start time, so a reused pid is not mistaken for it), or null before it took the run. */
    public ProcessIdentity supervisor() { return ProcessIdentity.of(num(SUPERVISOR_PID), num(SUPERVISOR_STARTED_AT_MS)); }
}
