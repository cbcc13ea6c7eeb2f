package dev.agentctl.cli.batch;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.ExitCodes;
import dev.agentctl.base.TerminalText;
import dev.agentctl.batch.BatchRecord;
import dev.agentctl.batch.BatchState;
import dev.agentctl.batch.BatchSubmit;
import dev.agentctl.batch.BatchView;
import dev.agentctl.batch.BatchWatch;
import dev.agentctl.batch.DryRun;
import dev.agentctl.batch.Plan;
import dev.agentctl.batch.PlanParser;
import dev.agentctl.batch.PlanProblems;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", description = {"Run a plan of tasks (with dependencies) as one group; or show or wait for a batch.",
        "  batch PLAN     validate the plan (every problem listed, nothing started), queue its tasks, follow them",
        "  batch status GROUP   the batch's tasks now", "  batch wait GROUP     follow it until every task is done"},
        footer = {"", "A plan is submitted all or nothing: if one task cannot start, no run, group or batch record is left",
                "(exit 2 for a refused start, 1 for a failure). A plan needing more runs than its group's own max_runs",
                "is refused (exit 2); the workspace's max_runs_per_group is raised for the group, with a note on stderr.",
                "", "Examples:", "  agentctl batch plan.json --dry-run", "  agentctl batch plan.json --dry-run --json", "  agentctl batch plan.json --max-parallel 3 --json > result.json",
                "  group=$(agentctl batch plan.json --detach); agentctl batch wait \"$group\"",
                "  agentctl batch plan.json --resume release-42",
                "  echo '{\"spark\": [\"lint a\", \"lint b\"]}' | agentctl batch -"})
public final class BatchCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "PLAN|status|wait", description = "The plan file (- for stdin), or status / wait.")
    String first;

    @Parameters(index = "1", arity = "0..1", paramLabel = "GROUP", description = "For status and wait: the batch's group.")
    String group;

    @Option(names = "--dry-run", description = "Print the validated plan in waves; start nothing. With --json: one JSON document "
            + "(group, max_parallel, max_runs, waves of tasks with id, project, profile, agent, isolation, after, escalate).")
    boolean dryRun;

    @Option(names = "--detach", description = "Queue everything, print the group name and return; the queue runs the plan.")
    boolean detach;

    @Option(names = "--max-parallel", paramLabel = "N", description = "At most N of the batch's runs at a time (overrides the plan's max_parallel).")
    Integer maxParallel;

    @Option(names = "--fail-fast", description = "Kill the rest of the batch at the first task that does not succeed.")
    boolean failFast;

    @Option(names = "--json", description = "Print the result as one JSON document (group, tasks with run ids and metas); "
            + "with --dry-run, the plan.")
    boolean json;

    @Option(names = "--resume", paramLabel = "GROUP", description = "Run again only the tasks of that batch that did not succeed.")
    String resume;

    @Override
    protected int execute() throws Exception {
        if (("status".equals(first) || "wait".equals(first))) {
            if (group == null) throw AgentctlException.usage("batch " + first + " needs a GROUP");
            BatchRecord r = BatchRecord.require(workspace(), group);
            if ("wait".equals(first)) return follow(r);
            show(BatchState.read(runs(), r));
            return 0;
        }
        if (group != null) throw AgentctlException.usage("unexpected argument '" + group + "' (batch PLAN takes one plan)");
        if (maxParallel != null && maxParallel < 1) throw AgentctlException.usage("--max-parallel must be at least 1");
        if (detach && failFast) throw AgentctlException.usage("--fail-fast needs the batch in the foreground (not --detach)");
        Plan plan;
        try {
            plan = parse();
        } catch (PlanProblems p) {
            for (String problem : p.problems()) io().err().println("agentctl: " + TerminalText.oneLine(problem, 2000));
            return ExitCodes.USAGE;
        }
        if (maxParallel != null) plan = plan.withMaxParallel(maxParallel);
        BatchSubmit submit = new BatchSubmit(runs(), config(), io(), this::notifier, this::killer);
        BatchSubmit.Prepared prepared = submit.prepare(plan, first, resume);
        if (dryRun) {
            io().out().print(json ? Json.pretty(DryRun.json(prepared, config())) + "\n" : DryRun.text(prepared, config()));
            return 0;
        }
        BatchRecord r = submit.submit(prepared);
        if (detach) {
            io().out().println(r.group());
            return 0;
        }
        return follow(r);
    }

    private Plan parse() throws IOException {
        String text;
        Path base;
        if ("-".equals(first)) {
            text = new String(io().in().readAllBytes(), StandardCharsets.UTF_8);
            base = io().cwd();
        } else {
            Path p = io().cwd().resolve(first);
            if (!Files.isRegularFile(p)) throw AgentctlException.usage("plan file not found: " + first);
            text = Files.readString(p, StandardCharsets.UTF_8);
            base = p.toAbsolutePath().getParent();
        }
        return new PlanParser(first, base, config(), projects(), io().cwd()).parse(text);
    }

    private int follow(BatchRecord r) throws InterruptedException, IOException {
        BatchWatch w = new BatchWatch(runs(), reconciler(), queue(), this::killer, io());
        BatchWatch.Result result = w.follow(r, failFast);
        if (result.interrupted()) {
            boolean kill = false;
            if (io().terminal() && System.console() != null) {
                io().err().print("\nkill the batch's " + result.state().unfinishedRuns().size() + " unfinished runs? [y/N] ");
                io().err().flush();
                String answer = new BufferedReader(new InputStreamReader(io().in(), StandardCharsets.UTF_8)).readLine();
                kill = answer != null && answer.strip().toLowerCase().startsWith("y");
            }
            if (kill) {
                w.kill(result.state(), "batch " + r.group() + " interrupted");
            } else {
                io().err().println("agentctl: batch " + r.group() + " left running (agentctl batch wait " + r.group() + ")");
            }
            return show(BatchState.read(runs(), r));
        }
        return show(result.state());
    }

    private int show(BatchState s) {
        io().out().print(json ? Json.pretty(s.json()) + "\n" : BatchView.table(s, Instant.now()));
        return s.done() && s.succeeded() ? 0 : ExitCodes.NOT_SUCCEEDED;
    }

    private RunKiller killer() {
        return new RunKiller(runs(), reconciler(), finalizer(), queue());
    }
}
