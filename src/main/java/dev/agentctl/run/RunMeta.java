package dev.agentctl.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * meta.json as a JSON tree: fields this version does not know survive every rewrite, and nothing is
 * reflected over. This class owns the transitions (queued → running → finished with an outcome, and
 * what is recorded on the way); no other class writes a key. The keys are {@link MetaKeys}, the reads
 * {@link RunMetaView}: split only to keep each part readable, all three are one owner.
 */
public final class RunMeta extends RunMetaView {

    public RunMeta(JsonObject json) {
        super(json);
    }

    /** A new run, queued: every key the original tool's meta.json had, in its order. */
    public static RunMeta queued(NewRun n) {
        return queued(n, Instant.now());
    }

    /** A new run queued at the given time: made-up runs (bench, start-up training) stand for months of runs. */
    public static RunMeta queued(NewRun n, Instant createdAt) {
        RunMeta m = new RunMeta(new JsonObject());
        m.put(RUN_ID, n.runId().value()).put(TITLE, n.title()).put(PROJECT, n.project())
                .put(PROJECT_DIR, n.projectDir().toString()).put(PROFILE, n.profile()).put(AGENT, n.agent())
                .put(MODEL, n.model()).put(REASONING_EFFORT, n.reasoningEffort()).put(SANDBOX, n.sandbox())
                .put(CREATED_AT, createdAt.toString()).put(STATUS, RunState.QUEUED.wire()).put(OUTCOME, (String) null)
                .put(MODE, n.mode().wire()).put(PARENT_RUN_ID, RunId.string(n.parentRunId())).put(THREAD_ID, (String) null)
                .put(RESUME_THREAD_ID, n.resumeThreadId()).put(EXIT_CODE, (Number) null)
                .put(ENDED_AT, (String) null).put(GOAL_MET, (Boolean) null).put(SUMMARY, (String) null)
                .put(FOLLOWUP_PROMPT, (String) null).put(NOTES, (String) null).put(LAST_MESSAGE, (String) null)
                .put(GIT_DIFF_STAT, (String) null).put(ERROR, (String) null).put(TIMEOUT_S, n.timeoutSeconds())
                .put(LAUNCHER, n.launcher()).put(TMUX_SESSION, n.tmuxSession()).put(PANE_ID, (String) null)
                .put(SUPERVISOR_PID, (Number) null).put(CODEX_PID, (Number) null).put(BASE_COMMIT, (String) null)
                .put(USAGE, (String) null).put(LAST_EVENT_AT, (String) null).put(STALLED, false)
                .put(DURATION_S, (Number) null);
        JsonArray a = new JsonArray();
        n.codexArgv().forEach(a::add);
        m.put(CODEX_ARGV, a);
        return m;
    }

    // ---- transitions --------------------------------------------------------------------------

    /** The process start launched to become the supervisor (pid -1: not known); false unless still queued. */
    public boolean recordLaunch(long pid, long startedAtMs) {
        if (state() != RunState.QUEUED) return false;
        put(LAUNCH_PID, pid).put(LAUNCH_STARTED_AT_MS, startedAtMs);
        return true;
    }

    /**
     * Where a new run stands among runs: its group, how deep in a chain of runs starting runs, and what it
     * waits for. It waits in the queue (no supervisor expected) until {@link #launch} hands it a slot.
     */
    public void placeInQueue(String group, int depth, RunId spawnedBy, List<RunId> after, boolean afterAny,
            Long queueTimeoutS) {
        JsonArray a = new JsonArray();
        after.forEach(id -> a.add(id.value()));
        put(GROUP, group).put(DEPTH, depth).put(SPAWNED_BY, RunId.string(spawnedBy)).put(AFTER, a).put(AFTER_ANY, afterAny)
                .put(QUEUE_TIMEOUT_S, queueTimeoutS).put(QUEUED_AT, createdAt()).put(QUEUED_REASON, (String) null)
                .put(LAUNCHED_AT, (String) null);
    }

    /** The tmux pane this run's wake-up is typed into instead of config's tmux_sendkeys_target (start --notify-pane). */
    public void recordNotifyPane(String pane) {
        put(NOTIFY_PANE, pane);
    }

    /**
     * The run is one task of a batch plan: its task id, the runs of the tasks it depends on (task id to run
     * id, for its prompt's templates) and the profile to escalate to (null: none).
     */
    public void joinBatch(String taskId, java.util.Map<String, String> deps, String escalate) {
        JsonObject d = new JsonObject();
        deps.forEach(d::addProperty);
        put(BATCH_TASK_ID, taskId).put(BATCH_DEPS, d).put(BATCH_ESCALATE, escalate);
    }

    /**
     * Made while its batch is being submitted by process byPid (started at byStartedAtMs): it waits, for
     * reason, and is never launched until {@link #release}; if that process dies first, the queue ends it.
     */
    public void hold(String reason, long byPid, long byStartedAtMs) {
        put(HELD, reason).put(HELD_BY_PID, byPid).put(HELD_BY_STARTED_AT_MS, byStartedAtMs);
    }

    /** Its batch is submitted in full: it takes its place in the queue. False unless it was held and still waits. */
    public boolean release() {
        if (!isHeld()) return false;
        put(HELD, (String) null).put(HELD_BY_PID, (Number) null).put(HELD_BY_STARTED_AT_MS, (Number) null)
                .put(QUEUED_REASON, (String) null);
        return true;
    }

    /** The task's follow-up was started as run escalatedTo: the task's result is that run's. */
    public void recordEscalation(RunId escalatedTo) {
        put(ESCALATED_TO, escalatedTo.value());
    }

    /** The escalation could not be started: the task's result stays this run's. */
    public void recordEscalationProblem(String problem) {
        put(ESCALATION_ERROR, problem);
    }

    /** Why a waiting run still waits; false when that is what meta already says. */
    public boolean waitInQueue(String reason) {
        if (reason.equals(str(QUEUED_REASON))) return false;
        put(QUEUED_REASON, reason);
        return true;
    }

    /** A waiting run got its slot: its supervisor is being started (and has a grace period to appear). */
    public boolean launch() {
        if (!isWaitingInQueue()) return false;
        put(LAUNCHED_AT, now()).put(QUEUED_REASON, (String) null);
        return true;
    }

    /** queued → running, owned by this supervisor; false (nothing changed) unless the run was queued and launched. */
    public boolean startRunning(long supervisorPid, long supervisorStartedAtMs, String paneId) {
        if (state() != RunState.QUEUED || isWaitingInQueue()) return false;
        String now = now();
        put(STATUS, RunState.RUNNING.wire()).put(STARTED_AT, now).put(LAST_EVENT_AT, now)
                .put(SUPERVISOR_PID, supervisorPid).put(SUPERVISOR_STARTED_AT_MS, supervisorStartedAtMs).put(PANE_ID, paneId);
        return true;
    }

    /**
     * A message sent to a run (mode followup) waits for runId instead of what it waited for: a message sent
     * with --now goes first. False unless it still waits in the queue.
     */
    public boolean waitFor(RunId runId) {
        if (!isWaitingInQueue()) return false;
        JsonArray a = new JsonArray();
        a.add(runId.value());
        put(AFTER, a);
        return true;
    }

    /**
     * A message's turn has come: its codex continues threadId (argv rebuilt for it), and a worktree run's
     * change counts from baseCommit, the branch tip its turn starts from (null: as recorded). Then {@link #launch}.
     */
    public boolean continueThread(String threadId, List<String> codexArgv, String baseCommit) {
        if (!isWaitingInQueue()) return false;
        JsonArray a = new JsonArray();
        codexArgv.forEach(a::add);
        put(RESUME_THREAD_ID, threadId).put(CODEX_ARGV, a);
        if (baseCommit != null && isWorktree()) put(BASE_COMMIT, baseCommit);
        return launch();
    }

    /** Where the run's tree stood when codex started. */
    public void recordStartSnapshot(String baseCommit, String startTree) {
        put(BASE_COMMIT, baseCommit).put(START_TREE, startTree);
    }

    /** Where the project's tree stood when the (shared) run ended: `diff` shows start_tree..end_tree. */
    public void recordEndSnapshot(String endTree) {
        put(END_TREE, endTree);
    }

    /** The run works in the project's own checkout. */
    public void runShared() {
        put(ISOLATION, ISOLATION_SHARED).put(WORKTREE, (String) null).put(BRANCH, (String) null);
    }

    /**
     * The run works in its own worktree on its own branch, starting at baseCommit; workDir is where codex runs
     * (the project's directory inside the worktree); setup is the command to run there first (null: none).
     */
    public void runInWorktree(String worktree, String workDir, String branch, String baseCommit, String setup) {
        put(ISOLATION, ISOLATION_WORKTREE).put(WORKTREE, worktree).put(WORK_DIR, workDir).put(BRANCH, branch)
                .put(BASE_COMMIT, baseCommit).put(HEAD_COMMIT, (String) null).put(WORKTREE_SETUP, setup);
    }

    /** The branch tip once the agent's leftovers are committed. */
    public void recordHeadCommit(String headCommit) {
        put(HEAD_COMMIT, headCommit);
    }

    /** Something went wrong with the run's worktree or branch (the outcome is unaffected). */
    public void recordWorktreeProblem(String problem) {
        put(WORKTREE_ERROR, problem);
    }

    /** The run's work was brought into the project's checkout; mergeCommit null when left uncommitted. */
    public void recordMerged(String mergeCommit) {
        put(MERGED_AT, now()).put(MERGE_COMMIT, mergeCommit);
    }

    /** The run's worktree and branch were removed. */
    public void recordDiscarded() {
        put(DISCARDED_AT, now());
    }

    public void recordCodexProcess(long pid, long startedAtMs) {
        put(CODEX_PID, pid).put(CODEX_STARTED_AT_MS, startedAtMs);
    }

    /** A sign of life from codex, with the thread and usage known so far (nulls leave what is there). */
    public void recordProgress(String threadId, JsonElement usage) {
        put(LAST_EVENT_AT, now());
        if (threadId != null) put(THREAD_ID, threadId);
        if (usage != null) put(USAGE, usage);
    }

    /** An agent that calls its thread a session (Claude Code): the id under session_id too; null leaves what is there. */
    public void recordSessionId(String sessionId) {
        if (sessionId != null) put(SESSION_ID, sessionId);
    }

    /** What the run cost in US dollars as its agent reported it; null (codex reports none) leaves what is there. */
    public void recordCost(Double costUsd) {
        if (costUsd != null) put(COST_USD, costUsd);
    }

    public void markStalled(boolean stalled) {
        put(STALLED, stalled);
    }

    /** What codex's last message said, as the result contract's fields. */
    public void recordResult(Integer exitCode, Boolean goalMet, String summary, String followupPrompt, String notes) {
        put(EXIT_CODE, exitCode).put(GOAL_MET, goalMet).put(SUMMARY, summary).put(FOLLOWUP_PROMPT, followupPrompt).put(NOTES, notes);
    }

    /** The final message: the contract's object when it parsed, else the raw text it was. */
    public void recordLastMessage(JsonElement parsed, String raw) {
        if (raw != null) {
            put(LAST_MESSAGE_RAW, raw).put(LAST_MESSAGE, (String) null);
        } else if (parsed != null) {
            put(LAST_MESSAGE, parsed);
        }
    }

    public void recordDiffStat(String stat) {
        put(GIT_DIFF_STAT, stat);
    }

    /** The outcome and why (null when it succeeded or the goal simply was not met). */
    public void setOutcome(Outcome outcome, String error) {
        put(OUTCOME, outcome.wire()).put(ERROR, error);
        if (outcome == Outcome.KILLED) put(KILL_REASON, error);
    }

    /** → finished: the end time and the duration since it started (or was created). */
    public void finish() {
        String ended = now();
        put(STATUS, RunState.FINISHED.wire()).put(ENDED_AT, ended).put(STALLED, false);
        String from = str(STARTED_AT) != null ? str(STARTED_AT) : createdAt();
        if (from != null) {
            try {
                long ms = Duration.between(Instant.parse(from), Instant.parse(ended)).toMillis();
                put(DURATION_S, Math.round(ms / 100.0) / 10.0);
            } catch (DateTimeParseException ignored) {
                // an unreadable start time leaves the duration unknown
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    public static String now() {
        return Instant.now().toString();
    }

    public RunMeta copy() {
        return new RunMeta(json.deepCopy());
    }

    // Writes stay in this class: the transitions above are the only way a key changes.
    private RunMeta put(String key, String v) { json.add(key, Json.of(v)); return this; }
    private RunMeta put(String key, Number v) { json.add(key, Json.of(v)); return this; }
    private RunMeta put(String key, Boolean v) { json.add(key, Json.of(v)); return this; }
    private RunMeta put(String key, JsonElement v) { json.add(key, v == null ? JsonNull.INSTANCE : v); return this; }
}
