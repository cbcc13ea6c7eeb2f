package dev.agentctl.run;

/**
 * How a run's codex turn begins: a new thread, the continuation of a finished run's thread, or a message
 * sent to a run (delivered as the next turn of its thread once the run's current turn ends).
 */
public enum RunMode {
    EXEC("exec"),
    RESUME("resume"),
    FOLLOWUP("followup");

    private final String wire;

    RunMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
