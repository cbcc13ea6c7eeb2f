package dev.agentctl.supervisor;

import dev.agentctl.run.Outcome;
import dev.agentctl.agent.AgentEvent;
import dev.agentctl.run.RunMeta;
import dev.agentctl.base.TerminalText;
import java.io.PrintStream;

/** What a person watching the pane sees: a header, one readable line per agent event, the result. */
final class PaneReport {
    private static final String RULE = "─".repeat(60);

    private final PrintStream out;

    PaneReport(PrintStream out) {
        this.out = out;
    }

    void header(RunMeta m) {
        out.println("agentctl run " + m.runId() + (m.title() == null ? "" : " — " + TerminalText.oneLine(m.title(), 200)));
        out.println("project " + m.project() + " (" + m.str("project_dir") + ") · profile " + m.profile()
                + (m.agent() == null ? "" : " · " + m.agent())
                + (m.str("model") == null ? "" : " · model " + m.str("model"))
                + (m.str("parent_run_id") == null ? "" : " · resumes " + m.str("parent_run_id")));
        out.println(RULE);
        out.flush();
    }

    void event(AgentEvent e) {
        if (e.progress().isEmpty()) return;
        e.progress().forEach(out::println);
        out.flush();
    }

    void note(String text) {
        out.println("· " + TerminalText.oneLine(text, 300));
        out.flush();
    }

    void result(RunMeta m) {
        out.println(RULE);
        String icon = m.outcomeValue() == Outcome.SUCCEEDED ? "✅" : m.outcomeValue() == Outcome.GOAL_NOT_MET ? "⚠️" : "❌";
        out.println(icon + " " + m.outcome() + " · goal_met=" + m.goalMet() + " · exit " + m.exitCode() + " · "
                + m.json().get("duration_s") + "s");
        printField("summary", m.summary());
        printField("follow-up", m.str("followup_prompt"));
        printField("notes", m.str("notes"));
        printField("error", m.str("error"));
        String diff = m.str("git_diff_stat");
        if (diff != null && !diff.isBlank()) {
            out.println("diff:");
            for (String l : diff.split("\n")) out.println("  " + TerminalText.oneLine(l, 200));
        }
        out.flush();
    }

    /**
     * Keeps a pane on screen for a while so a person can read the result; Enter closes it at once.
     * Only on a terminal: a detached supervisor has nobody to read it.
     */
    void linger(long seconds) {
        if (seconds <= 0 || System.console() == null) return;
        out.println("(this pane closes in " + seconds + "s; press Enter to close it now)");
        out.flush();
        Thread reader = new Thread(() -> {
            try {
                System.in.read();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
        }, "pane-linger");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printField(String label, String value) {
        if (value != null && !value.isBlank()) out.println(label + ": " + TerminalText.oneLine(value, 2000));
    }
}
