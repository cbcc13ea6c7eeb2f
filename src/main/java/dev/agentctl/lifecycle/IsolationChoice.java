package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.git.RepoProbe;
import dev.agentctl.workspace.Config;
import java.util.function.Consumer;

/**
 * Whether a new run gets its own worktree. Asked for on the command line, else by the project, else by config
 * (default worktree). A read-only run, a directory outside git and a repository without a commit run shared;
 * that is said once on stderr when worktree was asked for explicitly (or the repository has no commit yet),
 * and refused (usage) only when the command line asked for a worktree in a directory that is not in git.
 */
final class IsolationChoice {
    private IsolationChoice() {}

    /** The choice; repo is what a new worktree is made from (null for a shared run and for a resume). */
    record Isolation(boolean worktree, RepoProbe repo) {
        static final Isolation SHARED = new Isolation(false, null);
    }

    static Isolation choose(RunRequest req, Config config, String sandbox, Consumer<String> note) {
        if (req.parent() != null) return new Isolation(req.parent().isWorktree(), null); // a resume works where its parent did
        boolean fromCommandLine = req.isolation() != null || req.baseRef() != null;
        String asked = req.isolation() != null ? Config.checkIsolation(req.isolation(), "--isolation")
                : req.baseRef() != null ? Config.ISOLATION_WORKTREE
                : req.project().isolation() != null ? Config.checkIsolation(req.project().isolation(),
                        "project " + req.project().name() + ": isolation")
                : config.isolation();
        boolean explicit = fromCommandLine || req.project().isolation() != null;
        if (asked.equals(Config.ISOLATION_SHARED)) {
            if (req.baseRef() != null) throw AgentctlException.usage("--base needs a worktree run, not --isolation shared");
            return Isolation.SHARED;
        }
        if ("read-only".equals(sandbox)) {
            if (req.baseRef() != null) {
                throw AgentctlException.usage("--base needs a worktree run; a read-only run works in the project's checkout");
            }
            if (explicit) note.accept("a read-only run cannot change files: it runs in the project's checkout (isolation shared)");
            return Isolation.SHARED;
        }
        RepoProbe repo = RepoProbe.of(req.project().dir());
        if (repo == null) {
            String why = req.project().dir() + " is not inside a git work tree";
            if (fromCommandLine) throw AgentctlException.usage("cannot give the run a worktree: " + why);
            if (explicit) note.accept(why + ": the run works in it directly (isolation shared)");
            return Isolation.SHARED;
        }
        if (req.baseRef() == null && repo.headCommit() == null) {
            note.accept("the repository at " + req.project().dir() + " has no commits yet, so there is nothing to make "
                    + "a worktree from: the run works in the checkout directly (isolation shared)");
            return Isolation.SHARED;
        }
        return new Isolation(true, repo);
    }
}
