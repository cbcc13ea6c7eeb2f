package dev.agentctl.run;

/** How a finished run ended. The wire names are meta.json's "outcome", as the original tool's scripts expect. */
public enum Outcome {
    SUCCEEDED("succeeded"),
    GOAL_NOT_MET("goal_not_met"),
    FAILED("failed"),
    TIMED_OUT("timed_out"),
    KILLED("killed"),
    LOST("lost");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The outcome with this wire name, or null for an unknown or missing one. */
    public static Outcome of(String wire) {
        for (Outcome o : values()) {
            if (o.wire.equals(wire)) return o;
        }
        return null;
    }
}
