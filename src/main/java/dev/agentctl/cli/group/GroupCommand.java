package dev.agentctl.cli.group;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** `group VERB`: the verbs are added by the registry, each with the I/O it hands this command. */
@Command(name = "group", description = "Create and inspect run groups (see also: groups, list --group, status).",
        footer = {"", "Examples:", "  agentctl group create refactor --description 'split the parser' --priority P1 --max-concurrent 3",
                "  agentctl group show refactor", "  agentctl group show refactor --json | jq .tree"})
public final class GroupCommand extends BaseCommand {
    /** The verbs, by name, in the order of `group --help`. */
    public static Map<String, Supplier<BaseCommand>> verbs() {
        Map<String, Supplier<BaseCommand>> v = new LinkedHashMap<>();
        v.put("create", GroupCreateCommand::new);
        v.put("show", GroupShowCommand::new);
        return v;
    }

    @Override
    protected int execute() {
        throw AgentctlException.usage("group needs a command: " + String.join(", ", verbs().keySet()));
    }
}
