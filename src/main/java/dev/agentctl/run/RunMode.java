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

    /** The mode a wire name stands for; null for none or one this version does not know. */
    public static RunMode of(String wire) {
        for (RunMode m : values()) if (m.wire.equals(wire)) return m;
        return null;
    }
}
