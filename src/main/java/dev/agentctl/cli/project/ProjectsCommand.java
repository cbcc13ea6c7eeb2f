package dev.agentctl.cli.project;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.store.Json;
import dev.agentctl.base.TerminalText;
import dev.agentctl.workspace.Project;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "projects", description = "List registered projects: name, default profile, path.",
        footer = {"", "Example:", "  agentctl projects", "  agentctl projects --json | jq -r '.[].name'"})
public final class ProjectsCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    protected int execute() {
        List<Project> all = projects().list();
        var out = io().out();
        if (json) {
            JsonArray arr = new JsonArray();
            for (Project p : all) {
                JsonObject o = new JsonObject();
                o.addProperty("name", p.name());
                o.addProperty("path", p.dir().toString());
                o.add("default_profile", Json.of(p.defaultProfile()));
                arr.add(o);
            }
            out.println(Json.pretty(arr));
            return 0;
        }
        for (Project p : all) {
            // A directory's name may hold a newline, a tab or an escape: one project stays one line of three fields.
            out.println(TerminalText.field(p.name()) + "\t" + (p.defaultProfile() == null ? "-" : TerminalText.field(p.defaultProfile()))
                    + "\t" + TerminalText.field(p.dir().toString()));
        }
        return 0;
    }
}
