package dev.agentctl.run;

/**
 * meta.json's keys, spelled once. {@link RunMeta} implements this (through {@link RunMetaView}), so a
 * key reads {@code RunMeta.STATUS} everywhere; only RunMeta's transitions write them.
 */
public interface MetaKeys {
    String RUN_ID = "run_id";
    String STATUS = "status";
    String OUTCOME = "outcome";
    String TITLE = "title";
    String PROJECT = "project";
    String PROJECT_DIR = "project_dir";
    String PROFILE = "profile";
    String MODEL = "model";
    String CREATED_AT = "created_at";
    String STARTED_AT = "started_at";
    String ENDED_AT = "ended_at";
    String PARENT_RUN_ID = "parent_run_id";
    String THREAD_ID = "thread_id";
    String EXIT_CODE = "exit_code";
    String GOAL_MET = "goal_met";
    String SUMMARY = "summary";
    String FOLLOWUP_PROMPT = "followup_prompt";
    String NOTES = "notes";
    String GIT_DIFF_STAT = "git_diff_stat";
    String ERROR = "error";
    String TIMEOUT_S = "timeout_s";
    String TMUX_SESSION = "tmux_session";
    String PANE_ID = "pane_id";
    String SUPERVISOR_PID = "supervisor_pid";
    String SUPERVISOR_STARTED_AT_MS = "supervisor_started_at_ms";
    String CODEX_PID = "codex_pid";
    String CODEX_STARTED_AT_MS = "codex_started_at_ms";
    String CODEX_ARGV = "codex_argv";
    String USAGE = "usage";
    String STALLED = "stalled";
    String DURATION_S = "duration_s";
    String KILL_REASON = "kill_reason";
    String LAST_MESSAGE = "last_message";
    String LAST_MESSAGE_RAW = "last_message_raw";
    String LAST_EVENT_AT = "last_event_at";
    String LAUNCH_PID = "launch_pid";
    String LAUNCH_STARTED_AT_MS = "launch_started_at_ms";
    String ISOLATION = "isolation";
    String WORKTREE = "worktree";
    String WORK_DIR = "work_dir";
    String BRANCH = "branch";
    String BASE_COMMIT = "base_commit";
    String HEAD_COMMIT = "head_commit";
    String START_TREE = "start_tree";
    String END_TREE = "end_tree";
    String WORKTREE_SETUP = "worktree_setup";
    String MERGED_AT = "merged_at";
    String MERGE_COMMIT = "merge_commit";
    String DISCARDED_AT = "discarded_at";
    String WORKTREE_ERROR = "worktree_error";
    String ISOLATION_WORKTREE = "worktree";
    String ISOLATION_SHARED = "shared";
    String QUEUED_AT = "queued_at";
    String QUEUED_REASON = "queued_reason";
    String LAUNCHED_AT = "launched_at";
    String AFTER = "after";
    String AFTER_ANY = "after_any";
    String QUEUE_TIMEOUT_S = "queue_timeout_s";
    String GROUP = "group";
    String DEPTH = "depth";
    String SPAWNED_BY = "spawned_by";
    /** The agent CLI the run runs (codex, claude); absent in runs made before there was a choice: codex. */
    String AGENT = "agent";
    /** Claude Code's session id, also kept as thread_id so that resume reads one key for every agent. */
    String SESSION_ID = "session_id";
    String COST_USD = "cost_usd";
    String MODE = "mode";
    String LAUNCHER = "launcher";
    String SANDBOX = "sandbox";
    String REASONING_EFFORT = "reasoning_effort";
    String RESUME_THREAD_ID = "resume_thread_id";
    String NOTIFY_PANE = "notify_pane";
    String BATCH_TASK_ID = "batch_task_id";
    String BATCH_DEPS = "batch_deps";
    String BATCH_ESCALATE = "batch_escalate";
    String ESCALATED_TO = "escalated_to";
    String ESCALATION_ERROR = "escalation_error";
    /**
     * A batch task's run made while its batch is being submitted: why it waits (queued_reason), and the
     * submitting process (pid and start time). The queue never launches it; null once released.
     */
    String HELD = "held";
    String HELD_BY_PID = "held_by_pid";
    String HELD_BY_STARTED_AT_MS = "held_by_started_at_ms";
}
