package dev.agentctl.run;

/** The names of run states and outcomes, as the original tool's scripts expect them. */
public final class RunStatus {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";

    public static final String SUCCEEDED = "succeeded";
    public static final String GOAL_NOT_MET = "goal_not_met";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed_out";
    public static final String KILLED = "killed";
    public static final String LOST = "lost";

    private RunStatus() {}
}
