package dev.agentctl.cli.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.notify.NotificationFollower;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tail", description = "Print the last notifications, then new ones as they arrive, until interrupted.",
        footer = {"", "Examples:", "  agentctl tail -n 20", "  agentctl tail --json | jq -r 'select(.outcome!=\"succeeded\") | .run_id'"})
public final class TailCommand extends BaseCommand {
    @Option(names = "-n", paramLabel = "N", description = "How many past notifications (default 10).")
    int count = 10;

    @Option(names = "--json", description = "Print notify.jsonl records instead of notify.log lines.")
    boolean json;

    @Option(names = "--no-follow", description = "Print the past notifications and exit.")
    boolean noFollow;

    @Override
    protected int execute() throws Exception {
        if (count < 0) throw AgentctlException.usage("-n must be 0 or more, not " + count);
        Path file = json ? workspace().notifyJsonl() : workspace().notifyLog();
        new NotificationFollower(file, io().out()).run(count, !noFollow);
        return 0;
    }
}
