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

@Command(name = "projects", description = "List registered projects: name, default profile, path (on a terminal with a header; piped, tab-separated).",
        footer = {"", "Example:", "  agentctl projects", "  agentctl projects --json | jq -r '.[].name'"})
public final class ProjectsCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    private static String profileOf(Project p) {
        return p.defaultProfile() == null ? "-" : TerminalText.field(p.defaultProfile());
    }

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
        if (all.isEmpty()) {
            io().err().println("no projects yet (add one: agentctl add-project NAME DIR)");
            return 0;
        }
        if (io().terminal()) {
            // For a person: a header and aligned columns. Piped: the tab-separated lines scripts read.
            int name = "NAME".length();
            int profile = "PROFILE".length();
            for (Project p : all) {
                name = Math.max(name, TerminalText.field(p.name()).length());
                profile = Math.max(profile, profileOf(p).length());
            }
            String format = "%-" + name + "s  %-" + profile + "s  %s%n";
            out.printf(format, "NAME", "PROFILE", "PATH");
            for (Project p : all) out.printf(format, TerminalText.field(p.name()), profileOf(p), TerminalText.field(p.dir().toString()));
            return 0;
        }
        for (Project p : all) {
            // A directory's name may hold a newline, a tab or an escape: one project stays one line of three fields.
            out.println(TerminalText.field(p.name()) + "	" + profileOf(p) + "	" + TerminalText.field(p.dir().toString()));
        }
        return 0;
    }
}
