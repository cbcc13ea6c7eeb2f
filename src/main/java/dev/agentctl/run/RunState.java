package dev.agentctl.run;

/** Where a run is in its life: queued → running → finished. The wire names are meta.json's "status". */
public enum RunState {
    QUEUED("queued"),
    RUNNING("running"),
    FINISHED("finished");

    private final String wire;

    RunState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The state with this wire name, or null for an unknown or missing one. */
    public static RunState of(String wire) {
        for (RunState s : values()) {
            if (s.wire.equals(wire)) return s;
        }
        return null;
    }
}
