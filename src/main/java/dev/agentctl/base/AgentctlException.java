package dev.agentctl.base;

/**
 * A failure with a one-line message for stderr and what kind of failure it is. Every layer throws it;
 * only the entry point turns a kind into an exit code, so no lower layer decides "exit 2".
 */
public class AgentctlException extends RuntimeException {
    /** What went wrong, as far as the caller of the command is concerned. */
    public enum Kind {
        /** Bad input: a usage error, an unknown run id or project, a refused value. */
        USAGE,
        /** The input was fine but the operation could not be carried out. */
        FAILED
    }

    private final Kind kind;

    public AgentctlException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AgentctlException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AgentctlException usage(String message) {
        return new AgentctlException(Kind.USAGE, message);
    }

    public static AgentctlException failed(String message) {
        return new AgentctlException(Kind.FAILED, message);
    }

    public static AgentctlException failed(String message, Throwable cause) {
        return new AgentctlException(Kind.FAILED, message, cause);
    }
}
