package dev.agentctl.cli.run;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.ops.StartRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", description = {"Start a codex run in a new tmux pane (or detached) and print only its run id.",
        "The prompt comes from stdin unless --prompt-file is given. Never waits for codex."},
        footer = {"", "Examples:", "  echo 'Fix the failing test in parser.py' | agentctl start --project myapp --title fix-parser",
                "  id=$(agentctl start --project . --profile deep --prompt-file task.md --timeout 30m)",
                "  for p in a b c; do echo \"lint $p\" | agentctl start --project \"$p\"; done"})
public final class StartCommand extends BaseCommand {
    @Mixin
    RunOptions run;

    @Option(names = "--project", paramLabel = "NAME|PATH", description = "A registered project or a directory (default: the current directory).")
    String project;

    @Option(names = "--model", paramLabel = "M", description = "Model, overriding the profile's.")
    String model;

    @Option(names = "--sandbox", paramLabel = "MODE", description = "read-only, workspace-write or danger-full-access, overriding the profile's.")
    String sandbox;

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id instead of a generated one.")
    String runId;

    @Option(names = "--tmux-session", paramLabel = "S", description = "tmux session for the run's pane (default: config tmux_session, else the current one, else 'ai').")
    String tmuxSession;

    @Override
    protected int execute() {
        StartRun.checkSandbox(sandbox, "--sandbox");
        Long timeoutS = run.timeoutSeconds();
        String id = new StartRun(runs(), config(), projects(), io()).start(new StartRun.Params(project, run.profile,
                run.title, () -> run.prompt(io()), model, sandbox, runId, timeoutS, run.noTmux, tmuxSession, null));
        io().out().println(id);
        return 0;
    }
}
