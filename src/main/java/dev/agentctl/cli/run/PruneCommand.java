package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Durations;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.RunPrune;
import dev.agentctl.run.RunIndex;
import dev.agentctl.run.RunQuery;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prune", description = {"Remove finished runs older than --older-than, beyond the newest --keep: their worktrees,",
        "run directories and run index lines. Merged branches are deleted; branches with work no other branch has are kept",
        "(listed) unless --force. Queued and running runs are never touched."},
        footer = {"", "Examples:", "  agentctl prune --dry-run", "  agentctl prune --older-than 7d --keep 20"})
public final class PruneCommand extends BaseCommand {
    @Option(names = "--older-than", paramLabel = "DUR", description = "Age since the run ended (90m, 12h, 30d). Default: 30d.")
    String olderThan = "30d";

    @Option(names = "--keep", paramLabel = "N", description = "Always keep the newest N finished runs. Default: 0.")
    int keep;

    @Option(names = "--dry-run", description = "Print what would be removed, and remove nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Delete branches with unmerged work too.")
    boolean force;

    @Override
    protected int execute() {
        long seconds = Durations.parseSeconds(olderThan, "--older-than");
        if (keep < 0) throw AgentctlException.usage("--keep must be 0 or more, not " + keep);
        RunPrune prune = new RunPrune(runs());
        List<RunPrune.Item> plan = prune.plan(seconds, keep, force);
        String verb = dryRun ? "would remove " : "removed ";
        List<String> problems = new ArrayList<>();
        if (!dryRun) prune.apply(plan, problems::add);
        List<RunPrune.Item> kept = new ArrayList<>();
        for (RunPrune.Item it : plan) {
            if (it.worktree() == null && it.keptBranch() != null) {
                io().out().println("kept run " + it.run().runId() + ": " + it.keptBranch());
                continue;
            }
            String branch = it.branch() == null ? "" : it.keptBranch() == null ? ", branch " + it.branch() + " deleted"
                    : ", branch " + it.branch() + " KEPT: " + it.keptBranch();
            io().out().println(verb + "run " + it.run().runId() + (it.worktree() == null ? "" : " (worktree " + it.worktree()) + branch
                    + (it.worktree() == null ? "" : ")"));
            if (it.keptBranch() != null) kept.add(it);
        }
        if (!kept.isEmpty()) {
            io().out().println("hint: " + kept.size() + " branch" + (kept.size() == 1 ? "" : "es") + " with unmerged work kept: "
                    + "git merge BRANCH in the project to keep the work, git branch -D BRANCH to drop it (or prune --force)");
        }
        if (plan.isEmpty()) io().out().println("nothing to prune");
        if (!dryRun) new RunIndex(runs(), RunTable.FIELDS).runs(RunQuery.all(), w -> { }); // drops the removed runs' index lines
        problems.forEach(p -> io().err().println("agentctl: prune: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
