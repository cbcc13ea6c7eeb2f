package dev.agentctl.supervisor;

import dev.agentctl.agent.AgentEvent;
import dev.agentctl.run.RunMeta;
import dev.agentctl.base.TerminalText;
import dev.agentctl.tmux.Tmux;
import dev.agentctl.view.PaneTitle;
import dev.agentctl.view.RunReport;
import java.io.PrintStream;
import java.util.List;

/**
 * What a person watching the pane sees: a header, one readable line per agent event, the result, and the
 * run's id, title and state in the pane's border.
 */
final class PaneReport {
    private final PrintStream out;
    private final Tmux tmux;

    PaneReport(PrintStream out, Tmux tmux) {
        this.out = out;
        this.tmux = tmux;
    }

    void header(RunMeta m) {
        print(RunReport.header(m));
    }

    void event(AgentEvent e) {
        if (!e.progress().isEmpty()) print(e.progress());
    }

    void note(String text) {
        print(List.of("· " + TerminalText.oneLine(text, 300)));
    }

    void result(RunMeta m) {
        print(RunReport.result(m));
    }

    /** The pane's border title: run id, title and state (no pane: a detached supervisor). */
    void showState(String paneId, RunMeta m) {
        if (paneId == null) return;
        try {
            tmux.setPaneTitle(paneId, PaneTitle.of(m));
        } catch (RuntimeException e) {
            note("cannot set the pane title: " + e.getMessage());
        }
    }

    /**
     * The pane stays for a while after the supervisor has gone, so the result can be read: tmux closes it,
     * and the pane's shell waits for Enter meanwhile (no JVM stays for it).
     */
    void closeLater(String paneId, long seconds) {
        if (paneId == null || seconds <= 0) return;
        try {
            tmux.closePaneAfter(paneId, seconds);
            print(List.of("(this pane closes in " + seconds + "s; press Enter to close it now)"));
        } catch (RuntimeException e) {
            note("cannot schedule closing this pane: " + e.getMessage());
        }
    }

    private void print(List<String> lines) {
        for (String l : lines) out.println(l);
        out.flush();
    }
}
