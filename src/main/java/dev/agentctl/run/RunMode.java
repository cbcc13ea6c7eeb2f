package dev.agentctl.run;

/** How a run's codex turn begins: a new thread, or the continuation of an earlier run's thread. */
public enum RunMode {
    EXEC("exec"),
    RESUME("resume");

    private final String wire;

    RunMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
