package dev.agentctl.view;

import dev.agentctl.base.TerminalText;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;

/** The title a run's pane carries in its border: run id, title and state, so twenty panes can be told apart. */
public final class PaneTitle {
    public static final int MAX = 100;

    private PaneTitle() {}

    /** For a run about to be launched or running; state is "queued", "running" or an outcome. */
    public static String of(RunId runId, String title, String state) {
        String t = title == null || title.isBlank() ? "" : " " + TerminalText.oneLine(title, 60);
        return TerminalText.oneLine(runId + t + " · " + state, MAX);
    }

    /** The run's state as the title shows it: its outcome once finished, else its status. */
    public static String of(RunMeta m) {
        return of(m.runId(), m.title(), m.isFinished() && m.outcome() != null ? m.outcome() : m.status());
    }
}
