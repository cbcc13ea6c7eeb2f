package dev.agentctl.cli;

/** A failure with a one-line message for stderr and the exit code it maps to. */
public class AgentctlException extends RuntimeException {
    private final int exitCode;

    public AgentctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AgentctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Bad input, unknown id or project: exit 2. */
    public static AgentctlException usage(String message) {
        return new AgentctlException(ExitCodes.USAGE, message);
    }

    /** The operation could not be carried out: exit 1. */
    public static AgentctlException failed(String message) {
        return new AgentctlException(ExitCodes.FAILED, message);
    }

    public static AgentctlException failed(String message, Throwable cause) {
        return new AgentctlException(ExitCodes.FAILED, message, cause);
    }
}
