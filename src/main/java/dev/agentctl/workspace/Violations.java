package dev.agentctl.workspace;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** violations.jsonl: one line per refused start (which rule, its limit, the parent, the group, the title). */
public final class Violations {
    private final Workspace workspace;

    public Violations(Workspace workspace) {
        this.workspace = workspace;
    }

    public Path file() { return workspace.home().resolve("violations.jsonl"); }

    /** One refusal; appended under a lock so concurrent lines never interleave. */
    public record Violation(String rule, String limit, String parentRunId, String group, String title, String message) {}

    public void append(Violation v) {
        JsonObject o = new JsonObject();
        o.addProperty("time", Instant.now().toString());
        o.addProperty("rule", v.rule());
        o.add("limit", Json.of(v.limit()));
        o.add("parent_run_id", Json.of(v.parentRunId()));
        o.add("group", Json.of(v.group()));
        o.add("title", Json.of(v.title()));
        o.add("message", Json.of(v.message()));
        try (FileLock ignored = FileLock.acquire(workspace.home().resolve(".violations.lock"))) {
            Files.writeString(file(), Json.compact(o) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw AgentctlException.failed("cannot append to " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Every recorded violation, oldest first; unreadable lines are skipped. */
    public List<JsonObject> all() {
        List<JsonObject> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + file() + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            try {
                if (!line.isBlank()) out.add(Json.parseObject(line, file().toString()));
            } catch (RuntimeException ignored) {
                // a torn line from a crash: the others still count
            }
        }
        return out;
    }
}
