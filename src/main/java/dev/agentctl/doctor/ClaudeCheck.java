package dev.agentctl.doctor;

import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.claude.ClaudeBackend;
import dev.agentctl.offline.Markers;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.Executables;
import dev.agentctl.proc.ProcessRunner;
import dev.agentctl.workspace.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Claude Code, only when a profile runs it: claude_bin, its version, and (unless --no-live) one real headless
 * turn against the offline model, in a throw-away HOME so the user's ~/.claude is never touched.
 */
final class ClaudeCheck implements Check {
    static final String LIVE = "live claude turn";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final AgentBackend claude = new ClaudeBackend();

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        List<String> users = claudeProfiles(ctx);
        if (users.isEmpty()) return List.of();
        List<CheckResult> out = new ArrayList<>();
        String bin = ctx.config().claudeBin();
        Path found = Executables.find(bin, ctx.env().get("PATH"), ctx.cwd());
        if (found == null) {
            out.add(CheckResult.fail("claude", (bin.contains("/") ? "claude_bin '" + bin + "' is not an executable file"
                    : "claude_bin '" + bin + "' is not on PATH") + " (profile " + String.join(", ", users) + " runs claude)",
                    "install it: " + claude.installHint() + "; or set claude_bin in " + ctx.workspace().configFile()));
            return out;
        }
        out.add(CheckResult.ok("claude", found + " (for profile " + String.join(", ", users) + ")"));
        out.add(version(ctx, found));
        if (ctx.live()) out.add(liveTurn(ctx, found));
        return out;
    }

    private static List<String> claudeProfiles(DoctorContext ctx) {
        List<String> names = new ArrayList<>();
        try {
            for (Profile p : ctx.config().profiles().values()) {
                if (Profile.CLAUDE.equals(p.agentName())) names.add(p.name());
            }
        } catch (RuntimeException e) {
            // a broken profile is the config check's finding
        }
        return names;
    }

    private CheckResult version(DoctorContext ctx, Path bin) {
        String fix = "install the tested version: " + claude.installHint();
        ProcessRunner.Result r;
        try {
            r = CapturedProcess.run(List.of(bin.toString(), "--version"), ctx.cwd(), ctx.env(), null, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return CheckResult.fail("claude version", bin + " --version: " + e.getMessage(), fix);
        }
        String line = r.stdout().strip().lines().findFirst().orElse("");
        if (!r.ok()) return CheckResult.fail("claude version", bin + " --version exited " + r.exitCode(), fix);
        if (!line.startsWith(ClaudeBackend.TESTED_VERSION + " ")) {
            return CheckResult.warn("claude version", (line.isEmpty() ? "unknown" : line) + "; agentctl is tested with "
                    + ClaudeBackend.TESTED_VERSION, fix);
        }
        return CheckResult.ok("claude version", line);
    }

    /** One `claude -p` turn as a run would make it (bypass, IS_SANDBOX as root), against the offline model. */
    private CheckResult liveTurn(DoctorContext ctx, Path bin) {
        long started = System.nanoTime();
        Path tmp = null;
        try (OfflineModelServer model = OfflineModelServer.start()) {
            tmp = LiveCheck.scratchDir(ctx);
            Path work = Files.createDirectories(tmp.resolve("work"));
            Path prompt = Files.writeString(tmp.resolve("prompt.md"), "agentctl doctor: run one command and report the goal met.\n"
                    + Markers.command("echo agentctl-doctor") + "\n", StandardCharsets.UTF_8);
            List<String> argv = claude.argv(new AgentInvocation(bin.toString(), work, null, null, null,
                    ctx.workspace().schemaFile(), tmp.resolve("last.json"), null));
            Map<String, String> env = new HashMap<>(claude.environment(ctx.env(), null));
            env.putAll(model.claudeEnvironment(Files.createDirectories(tmp.resolve("home"))));
            ProcessRunner.Result r = CapturedProcess.run(argv, work, env, prompt, TIMEOUT);
            AgentTurn turn = claude.newTurn();
            r.stdout().lines().forEach(turn::accept);
            String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
            if (r.ok() && turn.completed() && Boolean.TRUE.equals(turn.result(tmp).goalMet())) {
                return CheckResult.ok(LIVE, "claude answered the offline model with goal_met true (" + took + ")");
            }
            String why = turn.failure() != null ? turn.failure() : r.stderr().strip().lines().reduce((a, b) -> b).orElse("no result");
            return CheckResult.fail(LIVE, "claude exited " + r.exitCode() + ": " + why,
                    "check that claude_bin is Claude Code " + ClaudeBackend.TESTED_VERSION + " and that it starts: claude --help");
        } catch (RuntimeException | IOException e) {
            return CheckResult.fail(LIVE, "claude did not finish one offline turn: " + e.getMessage(),
                    "check that claude_bin starts (claude --version), or rerun with --no-live");
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch directory is harmless
        }
    }
}
