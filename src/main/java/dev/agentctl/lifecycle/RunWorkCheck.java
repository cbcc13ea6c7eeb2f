package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** What merge, discard and diff ask of a run before they touch git: each refusal one line, nothing changed. */
final class RunWorkCheck {
    private RunWorkCheck() {}

    /** A worktree run (usage error for a shared one: its work is already in the checkout). */
    static void worktreeRun(RunMeta m, String verb) {
        if (!m.isWorktree() || m.branch() == null) {
            throw AgentctlException.usage("run " + m.runId() + " is a shared run (it worked in the project's checkout): "
                    + "there is no branch to " + verb);
        }
    }

    static void finished(RunMeta m, String verb) {
        if (!m.isFinished()) {
            throw AgentctlException.usage("run " + m.runId() + " is still " + m.status() + "; wait for it (or kill it) before you " + verb + " it");
        }
    }

    static void notDiscarded(RunMeta m) {
        if (m.str(RunMeta.DISCARDED_AT) != null) {
            throw AgentctlException.failed("run " + m.runId() + " was discarded at " + m.str(RunMeta.DISCARDED_AT)
                    + ": its worktree and branch are gone");
        }
    }

    /** The project's checkout, which must still exist. */
    static Path projectDir(RunMeta m) {
        String dir = m.projectDir();
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw AgentctlException.usage("project directory of run " + m.runId() + " is missing: " + dir);
        }
        return Paths.get(dir);
    }
}
