package dev.agentctl.demo;

import dev.agentctl.codex.CodexVersion;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunState;
import dev.agentctl.run.RunMeta;
import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.store.Json;
import dev.agentctl.proc.Executables;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * `agentctl demo`: three parallel codex runs and one resume against the offline model, in a throw-away
 * workspace and CODEX_HOME, driven through the real CLI. Needs codex, git and (optionally) tmux; no API
 * key, no network. The offline model lives in this JVM, so the demo stays up until every run has ended.
 */
public final class Demo {
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(3);

    public record Options(boolean keep, boolean noTmux) {}

    private final Io io;

    public Demo(Io io) {
        this.io = io;
    }

    /** Returns the exit code: 0 when every run ended as scripted. */
    public int run(Options options) {
        long startedAt = System.nanoTime();
        String path = io.env().get("PATH");
        Path codex = Executables.locateAgent("codex", path, io.cwd(), io.env());
        if (codex == null) {
            throw AgentctlException.failed("codex is not installed (no 'codex' on PATH); the demo runs the real codex CLI. "
                    + "Install the tested version with '" + CodexVersion.INSTALL_HINT + "', then run 'agentctl demo' again.");
        }
        Path claude = Executables.find("claude", path, io.cwd()); // optional: one run shows the second backend
        boolean tmux = !options.noTmux() && Executables.find("tmux", path, io.cwd()) != null;
        PrintStream out = io.out();
        if (!options.noTmux() && !tmux) out.println("tmux is not installed: the runs go to detached processes instead.");
        DemoPlace place = DemoPlace.create(io.env());
        DemoCleanup cleanup = new DemoCleanup(place, tmux, options.keep(), out, io.env());
        Thread hook = new Thread(cleanup, "agentctl-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> problems;
        try (OfflineModelServer model = OfflineModelServer.start()) {
            cleanup.model(model);
            problems = play(place, model, codex, claude, tmux, options.keep(), cleanup.gate());
        } catch (AgentctlException e) {
            problems = List.of(e.getMessage());
        } catch (IOException e) {
            problems = List.of("cannot set up the demo: " + e.getMessage());
        } finally {
            cleanup.afterRuns();
            removeHook(hook);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        if (options.keep()) {
            out.println("Kept everything in " + place.base + " (delete it when done).");
            out.println("  look around: AI_ORCH_HOME=" + place.home + " agentctl list");
            if (tmux) out.println("  panes:       tmux -L " + place.tmuxSocket + " attach -t " + DemoPlace.SESSION
                    + "   (end it: tmux -L " + place.tmuxSocket + " kill-server)");
            out.println("  (the offline model has stopped, so kept runs cannot be resumed)");
        } else {
            out.println("Cleaned up " + place.base + (tmux ? " and tmux server " + place.tmuxSocket : "") + ".");
        }
        if (!problems.isEmpty()) {
            io.err().println("agentctl demo: FAILED after " + seconds + " s:");
            problems.forEach(p -> io.err().println("  - " + p));
            if (!options.keep()) {
                io.err().println("Run 'agentctl demo --keep' to look at the runs' files afterwards; "
                        + "'agentctl doctor' checks the set-up.");
            }
            return 1;
        }
        out.println("Demo OK in " + seconds + " s: agentctl works on this machine. Next: agentctl doctor, agentctl --help.");
        return 0;
    }

    private List<String> play(DemoPlace place, OfflineModelServer model, Path codex, Path claude, boolean tmux, boolean keep,
            DemoGate gate) throws IOException {
        PrintStream out = io.out();
        model.writeCodexHome(place.codexHome);
        out.println("agentctl demo: offline model on " + model.baseUrl() + " (no API key, no network)");
        out.println("  workspace:  " + place.home);
        out.println("  CODEX_HOME: " + place.codexHome);
        out.println("  codex:      " + codex);
        if (claude != null) out.println("  claude:     " + claude + " (one run with Claude Code)");
        if (tmux) out.println("  tmux server: " + place.tmuxSocket + " (private" + (keep ? ")" : "; removed afterwards)"));
        DemoConfig.write(place, codex, claude, tmux, keep);
        DemoCli cli = new DemoCli(io.env(), place, gate);
        if (claude != null) cli.env().putAll(model.claudeEnvironment(Files.createDirectories(place.base.resolve("claude-home"))));
        cli.init();
        DemoProject project = gate.pass(() -> DemoProject.create(place.projects, cli.env()));
        out.println("  project:    " + project.repo() + " (git; agentctl gives each run a worktree and branch)");

        List<DemoScript.Step> steps = DemoScript.parallelRuns(claude != null);
        List<String> ids = startAll(cli, place, project, steps, !tmux);
        for (int i = 0; i < steps.size(); i++) out.println("started " + ids.get(i) + "  " + steps.get(i).title());
        // Only with --keep can a person use the panes: otherwise each closes the moment its run ends.
        if (tmux && keep) {
            out.println("watch the runs:  tmux -L " + place.tmuxSocket + " attach -t " + DemoPlace.SESSION);
        }
        out.println("waiting:  agentctl wait " + String.join(" ", ids));
        List<JsonObject> metas = new ArrayList<>(cli.await(ids, WAIT_LIMIT));

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            check(metas.get(i), steps.get(i).title(), steps.get(i).expectedOutcome(), problems);
        }
        JsonObject notMet = metas.get(steps.indexOf(DemoScript.CHANGELOG));
        String followup = Json.string(notMet, "followup_prompt");
        if (Outcome.GOAL_NOT_MET.wire().equals(Json.string(notMet, RunMeta.OUTCOME)) && followup != null && !followup.isBlank()) {
            String parent = Json.string(notMet, "run_id");
            out.println("goal not met in " + parent + "; resuming it with its followup_prompt:");
            out.println("  \"" + followup.strip() + "\"");
            String resumed = cli.resume(parent, promptFile(place, "followup", followup), !tmux);
            out.println("started " + resumed + "  (resume of " + parent + ")");
            JsonObject r = cli.await(List.of(resumed), WAIT_LIMIT).get(0);
            metas.add(r);
            check(r, "resumed " + DemoScript.CHANGELOG.title(), DemoScript.RESUMED_OUTCOME, problems);
        } else if (problems.isEmpty()) {
            problems.add("the goal_not_met run has no followup_prompt to resume with");
        }
        out.println();
        out.print(SummaryTable.render(metas));
        out.println();
        JsonObject greeting = metas.get(steps.indexOf(DemoScript.GREETING));
        if (problems.isEmpty()) {
            String id = Json.string(greeting, "run_id");
            out.println("bringing one run's work back:  agentctl merge " + id);
            out.println("  " + cli.merge(id));
        }
        return problems;
    }

    /** All starts at once: each is a JVM start-up, and the runs are meant to overlap anyway. */
    private static List<String> startAll(DemoCli cli, DemoPlace place, DemoProject project, List<DemoScript.Step> steps,
            boolean noTmux) throws IOException {
        List<Callable<String>> starts = new ArrayList<>();
        for (DemoScript.Step step : steps) {
            Path prompt = promptFile(place, step.name(), step.prompt());
            String agent = step == DemoScript.CONTRIBUTING ? "claude" : null;
            starts.add(() -> cli.start(project.repo(), step.title(), prompt, noTmux, agent));
        }
        ExecutorService pool = Executors.newFixedThreadPool(starts.size());
        try {
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(starts)) ids.add(f.get());
            return ids;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AgentctlException ae) throw ae;
            throw AgentctlException.failed("cannot start the demo runs: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentctlException.failed("interrupted while starting the demo runs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(JsonObject meta, String what, String expected, List<String> problems) {
        String outcome = Json.string(meta, "outcome");
        if (!RunState.FINISHED.wire().equals(Json.string(meta, RunMeta.STATUS))) {
            problems.add("run " + Json.string(meta, "run_id") + " (" + what + ") did not finish in time (status "
                    + Json.string(meta, "status") + ")");
        } else if (!expected.equals(outcome)) {
            String error = Json.string(meta, "error");
            problems.add("run " + Json.string(meta, "run_id") + " (" + what + ") ended " + outcome + ", expected "
                    + expected + (error == null ? "" : ": " + error));
        }
    }

    private static Path promptFile(DemoPlace place, String name, String text) throws IOException {
        Path f = place.scratch.resolve(name + ".md");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (and finds the work done)
        }
    }
}
