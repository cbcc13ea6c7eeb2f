package dev.agentctl.supervisor;

import dev.agentctl.codex.CodexEvent;
import dev.agentctl.codex.ProgressView;
import dev.agentctl.run.RunMeta;
import dev.agentctl.base.TerminalText;
import dev.agentctl.view.RunReport;
import java.io.PrintStream;
import java.util.List;

/** What a person watching the pane sees: a header, one readable line per codex event, the result. */
final class PaneReport {
    private final PrintStream out;

    PaneReport(PrintStream out) {
        this.out = out;
    }

    void header(RunMeta m) {
        print(RunReport.header(m));
    }

    void event(CodexEvent e) {
        String line = ProgressView.describe(e);
        if (line != null) print(List.of(line));
    }

    void note(String text) {
        print(List.of("· " + TerminalText.oneLine(text, 300)));
    }

    void result(RunMeta m) {
        print(RunReport.result(m));
    }

    /** The pane stays for a while after the supervisor has gone, so the result can be read. */
    void closing(long seconds) {
        print(List.of("(this pane closes in " + seconds + "s; press Enter to close it now)"));
    }

    private void print(List<String> lines) {
        for (String l : lines) out.println(l);
        out.flush();
    }
}
