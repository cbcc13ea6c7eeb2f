package dev.agentctl.cli.workspace;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.demo.Sandbox;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", description = {"A practice workspace on the built-in offline model: no API key, no network.",
        "Prints the AI_ORCH_HOME and CODEX_HOME to export in another shell, where start, wait, resume and kill work as for "
                + "real against project 'practice'. Runs until Ctrl-C (or SIGTERM), then stops its runs and removes what it made.",
        "Prompt markers choose what the offline model does: [[mock:succeed]], [[mock:goal_not_met]], [[mock:fail]], "
                + "[[mock:hang]], [[mock:slow]] with [[mock-delay:SECONDS]], [[mock-cmd:COMMAND]] (see README)."},
        footer = {"", "Examples:", "  agentctl sandbox                      # then, in another shell, paste the two export lines",
                "  agentctl sandbox --dir ~/practice --keep",
                "  echo 'Write notes.txt [[mock-cmd:echo hi > notes.txt]]' | agentctl start --project practice --timeout 10m"})
public final class SandboxCommand extends BaseCommand {
    @Option(names = "--dir", paramLabel = "DIR", description = "Put the sandbox in DIR (new or empty) instead of ~/.cache/agentctl/sandbox-*.")
    Path dir;

    @Option(names = "--keep", description = "Keep the sandbox's files when it stops (its runs are stopped either way).")
    boolean keep;

    @Override
    protected int execute() throws InterruptedException {
        return new Sandbox(io()).run(dir, keep);
    }
}
