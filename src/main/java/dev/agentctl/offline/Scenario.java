package dev.agentctl.offline;

import java.util.Locale;
import java.util.Optional;

/** What the offline model does with a turn; chosen by a {@code [[mock:NAME]]} marker in the prompt. */
public enum Scenario {
    /** Asks codex to run one command, then reports goal_met true. The default. */
    SUCCEED,
    /**
     * Reports goal_met false with a follow-up prompt; a resumed thread then gets goal_met true, after running
     * the {@code [[mock-cmd:...]]} command when the thread has one (the step that was missing).
     */
    GOAL_NOT_MET,
    /** HTTP 500: codex fails the turn (turn.failed, exit 1). */
    FAIL,
    /** Never answers until the server closes: for stall and deadline handling. */
    HANG,
    /** Answers in plain text without the structured result: the run must end failed. */
    NO_RESULT,
    /** Like {@link #SUCCEED}, after a delay ({@code [[mock-delay:N]]} seconds): for killing a run midway. */
    SLOW,
    /**
     * Calls an MCP tool ({@code [[mock-mcp-tool:SERVER/TOOL]]} with {@code [[mock-mcp-args:JSON]]}) the way
     * codex exposes it to a model, then reports goal_met true with the tool's answer in the summary.
     */
    MCP_TOOL;

    public String markerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scenario> byMarkerName(String name) {
        for (Scenario s : values()) {
            if (s.markerName().equals(name.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
