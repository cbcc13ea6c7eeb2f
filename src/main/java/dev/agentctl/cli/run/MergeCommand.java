package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.git.BranchMerge;
import dev.agentctl.lifecycle.RunMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = {"Merge a finished worktree run's branch into the project's current branch, in the project's checkout.",
        "Refused (nothing changed) when files the run touched have uncommitted changes there, or when the merge would conflict."},
        footer = {"", "Examples:", "  agentctl diff $id && agentctl merge $id", "  agentctl merge $id --squash",
                "  agentctl merge $id --no-commit   # staged in the checkout, for review"})
public final class MergeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--squash", description = "One new commit on the current branch instead of a merge (or fast-forward).")
    boolean squash;

    @Option(names = "--no-commit", description = "Apply the change to the checkout's index and files without committing it.")
    boolean noCommit;

    @Override
    protected int execute() {
        if (squash && noCommit) throw AgentctlException.usage("--squash and --no-commit exclude each other");
        BranchMerge.Mode mode = noCommit ? BranchMerge.Mode.NO_COMMIT : squash ? BranchMerge.Mode.SQUASH : BranchMerge.Mode.COMMIT;
        RunMerge.Merged m = new RunMerge(runs(), reconciler()).merge(runId(runId), mode);
        int n = m.result().files().size();
        String files = n + " file" + (n == 1 ? "" : "s");
        String branch = m.run().branch();
        if (m.result().commit() == null) {
            io().out().println("applied " + branch + " to " + m.run().projectDir() + " (" + files + ", not committed; review and commit)");
        } else {
            io().out().println((m.result().fastForward() ? "fast-forwarded " : squash ? "squashed " + branch + " into " : "merged " + branch + " into ")
                    + m.into() + (m.result().fastForward() ? " to " + branch : "") + ": " + m.result().commit() + " (" + files + ")");
        }
        return 0;
    }
}
