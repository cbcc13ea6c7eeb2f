package dev.agentctl.demo;

import dev.agentctl.base.ExitCodes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import dev.agentctl.store.Json;
import dev.agentctl.lifecycle.SupervisorLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real agentctl CLI, run as a child of the demo with the demo's workspace and CODEX_HOME: the demo
 * goes through exactly what a user types (start, wait, resume), not through internals.
 */
final class DemoCli {
    /** Variables that would point children at the caller's tmux or git state instead of the demo's. */
    private static final List<String> DROPPED = List.of("TMUX", "TMUX_PANE", "GIT_DIR", "GIT_WORK_TREE",
            "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "AGENTCTL_DEBUG");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> self;
    private final Map<String, String> env;
    private final Path home;
    private final Path cwd;
    private final DemoGate gate;

    DemoCli(Map<String, String> callerEnv, DemoPlace place, DemoGate gate) {
        this.gate = gate;
        this.self = SupervisorLauncher.selfArgv(callerEnv);
        this.env = childEnv(callerEnv, place);
        this.home = place.home;
        this.cwd = place.base;
    }

    static Map<String, String> childEnv(Map<String, String> callerEnv, DemoPlace place) {
        Map<String, String> env = new HashMap<>(callerEnv);
        DROPPED.forEach(env::remove);
        env.put("AI_ORCH_HOME", place.home.toString());
        env.put("CODEX_HOME", place.codexHome.toString());
        return env;
    }

    Map<String, String> env() {
        return env;
    }

    void init() {
        gate.pass(() -> run(COMMAND_TIMEOUT, "init"));
    }

    /** `start` with the prompt from a file; returns the run id it prints. */
    String start(Path project, String title, Path promptFile, boolean noTmux, String agent) {
        List<String> args = new ArrayList<>(List.of("start", "--project", project.toString(), "--worktree", "--profile", DemoConfig.PROFILE,
                "--title", title, "--prompt-file", promptFile.toString(), "--timeout", DemoConfig.RUN_TIMEOUT));
        if (agent != null) args.addAll(List.of("--agent", agent));
        if (noTmux) args.add("--no-tmux");
        return runId(gate.pass(() -> run(COMMAND_TIMEOUT, args.toArray(String[]::new))), "start");
    }

    String resume(String parentRunId, Path promptFile, boolean noTmux) {
        List<String> args = new ArrayList<>(List.of("resume", "--parent-run-id", parentRunId,
                "--prompt-file", promptFile.toString(), "--timeout", DemoConfig.RUN_TIMEOUT));
        if (noTmux) args.add("--no-tmux");
        return runId(gate.pass(() -> run(COMMAND_TIMEOUT, args.toArray(String[]::new))), "resume");
    }

    /** `merge ID`: the line it prints. */
    String merge(String runId) {
        return gate.pass(() -> run(COMMAND_TIMEOUT, "merge", runId)).stdout().strip();
    }

    /** `wait ID...`: the final meta of each run, in the order given. */
    List<JsonObject> await(List<String> runIds, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("wait"));
        args.addAll(runIds);
        args.addAll(List.of("--timeout", timeout.toSeconds() + "s"));
        // wait's own --timeout ends it first; the extra minute only guards against a wedged child. Not through
        // the gate: wait creates nothing, and cleanup stops it like every process of the demo.
        ProcessRunner.Result r = run(timeout.plusMinutes(1), false, args.toArray(String[]::new));
        if (r.exitCode() != 0 && r.exitCode() != ExitCodes.WAIT_TIMED_OUT) { // timed out, and still printed every run
            throw AgentctlException.failed("agentctl wait failed (exit " + r.exitCode() + "): " + firstLine(r.stderr()));
        }
        List<JsonObject> metas = new ArrayList<>();
        try {
            JsonElement e = JsonParser.parseString(r.stdout());
            if (e.isJsonArray()) {
                e.getAsJsonArray().forEach(x -> metas.add(x.getAsJsonObject()));
            } else {
                metas.add(e.getAsJsonObject());
            }
        } catch (RuntimeException ex) {
            throw AgentctlException.failed("agentctl wait printed something that is not JSON: " + firstLine(r.stdout()));
        }
        return inOrder(runIds, metas);
    }

    /** wait keeps the order given, but the demo must not depend on that. */
    private static List<JsonObject> inOrder(List<String> runIds, List<JsonObject> metas) {
        List<JsonObject> ordered = new ArrayList<>();
        for (String id : runIds) {
            JsonObject found = metas.stream().filter(m -> id.equals(Json.string(m, "run_id"))).findFirst()
                    .orElseThrow(() -> AgentctlException.failed("agentctl wait did not report run " + id));
            ordered.add(found);
        }
        return ordered;
    }

    private ProcessRunner.Result run(Duration timeout, String... args) {
        return run(timeout, true, args);
    }

    private ProcessRunner.Result run(Duration timeout, boolean checked, String... args) {
        List<String> argv = new ArrayList<>(self);
        argv.add("--home");
        argv.add(home.toString());
        argv.addAll(List.of(args));
        ProcessRunner.Result r = CapturedProcess.run(argv, cwd, env, null, timeout);
        if (checked && !r.ok()) {
            String err = r.stderr().strip();
            throw AgentctlException.failed("agentctl " + args[0] + " failed (exit " + r.exitCode() + ")"
                    + (err.isEmpty() ? "" : ": " + err));
        }
        return r;
    }

    private static String runId(ProcessRunner.Result r, String command) {
        String id = r.stdout().strip();
        if (id.isEmpty() || id.contains("\n")) {
            throw AgentctlException.failed("agentctl " + command + " did not print a run id: " + firstLine(id));
        }
        return id;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
