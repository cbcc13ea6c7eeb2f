package dev.agentctl.cli.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.cli.BaseCommand;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.ConfigEditor;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = {"Read or change one setting of config.json.",
        "  get KEY          print the value in effect (text as it is, JSON otherwise, nothing for null)",
        "  set KEY VALUE    validate and store it (VALUE null clears a setting that may be null; profiles and prices take JSON)",
        "  list             every setting in effect, one 'KEY<TAB>VALUE' line each (--json: one object)",
        "Writes are atomic and under the workspace lock; keys agentctl does not know are kept."},
        footer = {"", "Examples:", "  agentctl config set tmux_sendkeys_target \"$TMUX_PANE\"   # wake this pane when runs end",
                "  agentctl config set default_timeout 2h", "  agentctl config get default_timeout",
                "  agentctl config set prices '{\"gpt-5.5\": {\"input\": 1.25, \"cached_input\": 0.125, \"output\": 10}}'",
                "  agentctl config list"})
public final class ConfigCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "get|set|list")
    String action;

    @Parameters(index = "1..*", arity = "0..2", paramLabel = "KEY [VALUE]")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Option(names = "--json", description = "list: print one JSON object; get: print the value as JSON.")
    boolean json;

    @Override
    protected int execute() {
        ConfigEditor editor = new ConfigEditor(workspace());
        switch (action) {
            case "get" -> {
                expect(1, "config get KEY");
                io().out().println(text(editor.get(args.get(0))));
            }
            case "set" -> {
                expect(2, "config set KEY VALUE");
                editor.set(args.get(0), args.get(1));
            }
            case "list" -> {
                expect(0, "config list");
                JsonObject all = editor.effective();
                if (json) {
                    io().out().println(Json.pretty(all));
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (Map.Entry<String, JsonElement> e : all.entrySet()) {
                        sb.append(e.getKey()).append('\t').append(Json.compact(e.getValue())).append('\n');
                    }
                    io().out().print(sb);
                }
            }
            default -> throw AgentctlException.usage("config: unknown action '" + action + "' (get, set or list)");
        }
        return 0;
    }

    private void expect(int n, String usage) {
        if (args.size() != n) throw AgentctlException.usage("usage: agentctl " + usage);
    }

    private String text(JsonElement v) {
        if (json) return Json.compact(v);
        if (v == null || v.isJsonNull()) return "";
        return v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : Json.compact(v);
    }
}
