package dev.agentctl.doctor;

import dev.agentctl.codex.CodexCommand;
import dev.agentctl.codex.CodexInvocation;
import dev.agentctl.codex.CodexVersion;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.OutputSchema;
import dev.agentctl.demo.DemoPlace;
import dev.agentctl.offline.Markers;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One real codex turn against the offline model with the workspace's output schema, so what no static
 * check can see (a codex that cannot start, cannot reach 127.0.0.1, or rejects the schema) shows up here.
 * Runs in a throw-away CODEX_HOME: the user's ~/.codex, login and sessions are never touched.
 */
final class LiveCheck implements Check {
    static final String NAME = "live codex turn";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path codex = ctx.codex();
        if (!ctx.live() || codex == null) return List.of(); // --no-live, or the codex check already failed
        Path tmp = null;
        long started = System.nanoTime();
        try (OfflineModelServer model = OfflineModelServer.start()) {
            tmp = scratchDir(ctx);
            Path codexHome = tmp.resolve("codex-home");
            Path work = Files.createDirectories(tmp.resolve("work"));
            model.writeCodexHome(codexHome);
            Path prompt = tmp.resolve("prompt.md");
            Files.writeString(prompt, "agentctl doctor: run one command and report the goal met.\n"
                    + Markers.command("echo agentctl-doctor") + "\n", StandardCharsets.UTF_8);
            Path schema = schemaFile(ctx, tmp);
            Path last = tmp.resolve("last.json");
            // The argv real runs get (no sandbox: approvals bypassed, as the default profile runs).
            List<String> argv = CodexCommand.argv(new CodexInvocation(codex.toString(), work, null, null, null, List.of(),
                    schema, last, null));
            Map<String, String> env = new HashMap<>(ctx.env());
            env.put("CODEX_HOME", codexHome.toString());
            ProcessRunner.Result r = CapturedProcess.run(argv, work, env, prompt, TIMEOUT);
            double seconds = (System.nanoTime() - started) / 1e9;
            return List.of(verdict(r, last, seconds));
        } catch (AgentctlException e) {
            return List.of(CheckResult.fail(NAME, e.getMessage(), "codex did not finish one offline turn in "
                    + TIMEOUT.toSeconds() + " s; check that codex_bin is codex-cli " + CodexVersion.testedSeries() + " and that 127.0.0.1 is reachable"));
        } catch (IOException | RuntimeException e) {
            return List.of(CheckResult.fail(NAME, "cannot set up the live check: " + e.getMessage(),
                    "make ${XDG_CACHE_HOME:-~/.cache}/agentctl writable, or rerun with --no-live"));
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static CheckResult verdict(ProcessRunner.Result r, Path last, double seconds) throws IOException {
        String took = String.format(Locale.ROOT, "%.1f s", seconds);
        if (r.ok() && Files.exists(last)) {
            try {
                JsonObject result = Json.parseObject(Files.readString(last, StandardCharsets.UTF_8), "last message");
                if (Boolean.TRUE.equals(Json.bool(result, "goal_met"))) {
                    return CheckResult.ok(NAME, "codex answered the offline model with goal_met true (" + took + ")");
                }
            } catch (RuntimeException e) {
                // falls through: not the expected result
            }
            return CheckResult.fail(NAME, "codex finished but its final message is not {\"goal_met\": true, ...}",
                    "check the output schema (agentctl doctor's schema line) and that codex_bin is codex-cli " + CodexVersion.testedSeries());
        }
        String why = turnFailure(r.stdout());
        if (why == null) why = lastLine(r.stderr());
        String detail = "codex exited " + r.exitCode() + (why == null ? "" : ": " + why);
        if (why != null && why.contains("Invalid schema")) {
            return CheckResult.fail(NAME, detail, "make the output schema strict: see the output schema line above");
        }
        return CheckResult.fail(NAME, detail, "check that codex_bin is codex-cli " + CodexVersion.testedSeries() + " (" + CodexVersion.INSTALL_HINT
                + ") and that it starts: " + "codex exec --help");
    }

    /** The message of a turn.failed event, unwrapped from the API's JSON error body when it is one. */
    static String turnFailure(String stdout) {
        for (String line : stdout.split("\n")) {
            try {
                JsonElement e = JsonParser.parseString(line);
                if (!e.isJsonObject() || !"turn.failed".equals(Json.string(e.getAsJsonObject(), "type"))) continue;
                JsonElement error = e.getAsJsonObject().get("error");
                String message = error != null && error.isJsonObject() ? Json.string(error.getAsJsonObject(), "message") : null;
                if (message == null) return "turn failed";
                try {
                    JsonObject body = JsonParser.parseString(message).getAsJsonObject();
                    String inner = Json.string(body.getAsJsonObject("error"), "message");
                    return inner != null ? inner : message;
                } catch (RuntimeException notJson) {
                    return message;
                }
            } catch (RuntimeException notAnEvent) {
                // codex prints only events on stdout in --json mode; skip anything else
            }
        }
        return null;
    }

    /** The workspace's schema, so a lax one fails here as it would in a run; the built-in one when there is none. */
    private static Path schemaFile(DoctorContext ctx, Path tmp) throws IOException {
        Path file = ctx.workspace().schemaFile();
        if (Files.isRegularFile(file)) return file;
        return Files.writeString(tmp.resolve("schema.json"), OutputSchema.TEXT, StandardCharsets.UTF_8);
    }

    /** Not under /tmp: codex warns about PATH aliases for a CODEX_HOME there. */
    static Path scratchDir(DoctorContext ctx) throws IOException {
        Path root = DemoPlace.cacheRoot(ctx.env());
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "doctor-");
        } catch (IOException e) {
            return Files.createTempDirectory("agentctl-doctor-");
        }
    }

    private static String lastLine(String s) {
        return s.strip().lines().reduce((a, b) -> b).orElse(null);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch directory is harmless
        }
    }
}
