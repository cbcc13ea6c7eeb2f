package dev.agentctl.lifecycle;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {{ID.field}} templates of a batch task's prompt, filled from its dependencies' results when the queue
 * launches it (so a detached plan goes on without the batch process). The prompt stays bytes: the template
 * is read as ISO-8859-1, which maps every byte to one char and back, so invalid UTF-8 survives untouched.
 */
public final class TaskPrompt {
    public static final String TEMPLATE_FILE = "prompt.template.md";
    public static final Set<String> FIELDS = Set.of("summary", "followup_prompt", "notes", "diff_stat", "run_id");
    /** Any {{X.Y}}: validation reports unknown tasks and fields, filling replaces only known fields. */
    public static final Pattern REFERENCE = Pattern.compile("\\{\\{([A-Za-z0-9_-]+)\\.([A-Za-z0-9_]+)}}");

    private TaskPrompt() {}

    public record Reference(String taskId, String field) {}

    public static List<Reference> references(String text) {
        List<Reference> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) out.add(new Reference(m.group(1), m.group(2)));
        return out;
    }

    /** The template with each {{ID.field}} of a known task replaced by what result(ID) says. */
    public static byte[] fill(byte[] template, Function<String, RunMeta> result) {
        String text = new String(template, StandardCharsets.ISO_8859_1);
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            RunMeta r = FIELDS.contains(m.group(2)) ? result.apply(m.group(1)) : null;
            String value = r == null ? m.group() : value(r, m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(value.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String value(RunMeta r, String field) {
        String v = switch (field) {
            case "summary" -> r.summary();
            case "followup_prompt" -> r.followupPrompt();
            case "notes" -> r.notes();
            case "diff_stat" -> r.diffStat();
            default -> r.runId().value();
        };
        return v == null ? "" : v;
    }

    /**
     * Before a batch task's run is launched: its prompt.md becomes the filled template (kept as
     * prompt.template.md, so filling again reads the template, not a filled prompt). Nothing for other runs.
     */
    static void fillForLaunch(RunStore store, RunMeta m) {
        Map<String, String> deps = m.batchDeps();
        if (deps.isEmpty()) return;
        Path dir = store.dir(m.runId());
        Path template = dir.resolve(TEMPLATE_FILE);
        try {
            if (!Files.exists(template)) AtomicFiles.write(template, Files.readAllBytes(dir.resolve("prompt.md")), AtomicFiles.OWNER_ONLY_FILE);
            byte[] filled = fill(Files.readAllBytes(template), id -> {
                RunId runId = RunId.parse(deps.get(id));
                return runId == null ? null : Escalation.last(store, runId);
            });
            AtomicFiles.write(dir.resolve("prompt.md"), filled, AtomicFiles.OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot fill the prompt's templates: " + e.getMessage(), e);
        }
    }
}
