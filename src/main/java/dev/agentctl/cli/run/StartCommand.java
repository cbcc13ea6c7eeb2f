package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Match;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.cli.QuickCommand;
import dev.agentctl.run.RunId;
import java.util.Map;
import dev.agentctl.ops.StartRun;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", description = {"Start an agent run (codex or Claude Code) in a new tmux pane (or detached) and print only its run id.",
        "The prompt comes from stdin unless --prompt-file is given. Never waits for the agent."},
        footer = {"", "Examples:", "  echo 'Fix the failing test in parser.py' | agentctl start --project myapp --title fix-parser",
                "  id=$(agentctl start --project . --profile deep --prompt-file task.md --timeout 30m)",
                "  echo 'Try the new parser' | agentctl start --project myapp --base main --title parser-v2",
                "  for p in a b c; do echo \"lint $p\" | agentctl start --project \"$p\"; done",
                "  agentctl start --group refactor --after \"$a,$b\" --prompt-file merge.md"})
public final class StartCommand extends BaseCommand implements QuickCommand {
    @Mixin
    RunOptions run;

    @Option(names = "--project", paramLabel = "NAME|PATH", description = "A registered project or a directory (default: the current directory).")
    String project;

    @Option(names = "--model", paramLabel = "M", description = "Model, overriding the profile's.")
    String model;

    @Option(names = "--sandbox", paramLabel = "MODE", description = "read-only, workspace-write or danger-full-access, overriding the profile's.")
    String sandbox;

    @Option(names = "--agent", paramLabel = "A", description = "codex or claude, overriding the profile's (default codex).")
    String agent;

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id instead of a generated one.")
    String runId;

    @Option(names = "--tmux-session", paramLabel = "S", description = "tmux session for the run's pane (default: config tmux_session, else the current one, else 'ai').")
    String tmuxSession;

    @Option(names = "--isolation", paramLabel = "MODE", description = "worktree (a worktree and branch of its own) or shared (the project's checkout). Default: the project's, else config isolation (worktree).")
    String isolation;

    @Option(names = "--worktree", description = "Short for --isolation worktree.")
    boolean worktree;

    @Option(names = "--base", paramLabel = "REF", description = "Start the run's worktree clean from this commit or branch instead of from what the checkout holds now.")
    String base;

    @Override
    public Shape quickShape() {
        Map<String, Kind> options = new java.util.HashMap<>(RunOptions.QUICK_OPTIONS);
        options.putAll(Map.of("--home", Kind.TEXT, "--project", Kind.TEXT, "--model", Kind.TEXT, "--sandbox", Kind.TEXT,
                "--run-id", Kind.TEXT, "--tmux-session", Kind.TEXT, "--isolation", Kind.TEXT, "--worktree", Kind.FLAG,
                "--base", Kind.TEXT, "--agent", Kind.TEXT));
        return new Shape(options, 0, 0);
    }

    @Override
    public void applyQuick(Match m) {
        run = RunOptions.fromQuick(m); // the mixin picocli would make
        project = m.text("--project");
        model = m.text("--model");
        sandbox = m.text("--sandbox");
        agent = m.text("--agent");
        runId = m.text("--run-id");
        tmuxSession = m.text("--tmux-session");
        isolation = m.text("--isolation");
        worktree = m.flag("--worktree");
        base = m.text("--base");
    }

    @Override
    protected int execute() {
        if (worktree && isolation != null && !isolation.equals(Config.ISOLATION_WORKTREE)) {
            throw AgentctlException.usage("--worktree contradicts --isolation " + isolation);
        }
        String asked = worktree ? Config.ISOLATION_WORKTREE : isolation == null ? null : Config.checkIsolation(isolation, "--isolation");
        Config config = config();
        RunId wanted = runId == null ? null : RunId.of(runId);
        Profile.checkSandbox(sandbox, "--sandbox");
        if (agent != null && !Profile.AGENTS.contains(agent)) {
            throw AgentctlException.usage("--agent must be one of " + Profile.AGENTS + ", not '" + agent + "'");
        }
        Long timeoutS = run.timeoutSeconds(config);
        var queue = run.queue(runs()); // bad --after or --queue-timeout: refused before the prompt is read
        RunId id = new StartRun(runs(), config, projects(), io(), this::notifier).start(new StartRun.Params(project, run.profile,
                run.title, () -> run.prompt(io()), model, sandbox, wanted, timeoutS, run.noTmux, tmuxSession, asked, base, queue, null,
                run.notifyPane(), agent));
        io().out().println(id);
        return 0;
    }
}
