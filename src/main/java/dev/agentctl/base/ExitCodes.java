package dev.agentctl.base;


/** The exit codes every command shares; README and --help list the same. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation failed (including resource limits: memory, files, watches). */
    public static final int FAILED = 1;
    /** Usage error, unknown run id or project, bad input. */
    public static final int USAGE = 2;
    /** wait --exit-status: a run finished without succeeding. */
    public static final int NOT_SUCCEEDED = 3;
    /**
     * wait --timeout ran out before the runs finished. Its own code, so a script can tell a timeout
     * (try again later) from a wait that failed (exit 1).
     */
    public static final int WAIT_TIMED_OUT = 4;

    public static final String HELP_FOOTER = "%nExit codes: 0 ok; 1 operation failed; "
            + "2 usage error, unknown run id or project; 3 wait --exit-status and a run did not succeed; 4 wait timed out.";

    private ExitCodes() {}

    /** The one place a failure's kind becomes an exit code. */
    public static int of(AgentctlException.Kind kind) {
        return kind == AgentctlException.Kind.USAGE ? USAGE : FAILED;
    }
}
