package dev.agentctl.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an integration test drives agentctl with, all real: a workspace, a git project, a
 * private tmux server, the offline model server and the real codex binary. Cleans up on close,
 * including any process still running from its directories.
 */
public final class TestEnv implements AutoCloseable {
    public static final Path ROOT = Path.of(System.getProperty("agentctl.root", ".")).toAbsolutePath().normalize();

    public final Path base;
    public final Path home;
    public final Path codexHome;
    public final Path project;
    public final String socket;
    public final String session = "agentctl-it";
    public final OfflineModelServer model;
    private final Map<String, String> env = new HashMap<>();

    public TestEnv() throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        // Not under /tmp: codex warns about PATH aliases there (codex-exec.md).
        base = Files.createDirectories(ROOT.resolve("target/it-work/" + id));
        home = base.resolve("home");
        codexHome = Files.createDirectories(base.resolve("codex-home"));
        project = Files.createDirectories(base.resolve("project"));
        socket = "agentctl-it-" + id;
        model = OfflineModelServer.start();
        model.writeCodexHome(codexHome);
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith("TMUX")) env.put(e.getKey(), e.getValue());
        }
        env.put("AI_ORCH_HOME", home.toString());
        // codex runs commands in a login shell: the developer's profile (pyenv rehash and the like, which can
        // wait a minute on a lock) must not decide how long a test's command takes.
        env.put("HOME", base.toString());
        env.put("CODEX_HOME", codexHome.toString());
        Path codexDir = Path.of(CodexBinary.path()).getParent();
        env.put("PATH", codexDir + ":" + System.getenv("PATH"));
        git("init", "-q", "-b", "main");
        Files.writeString(project.resolve("tracked.txt"), "one\n");
        Files.writeString(project.resolve(".gitignore"), "ignored.txt\n");
        git("add", "-A");
        git("commit", "-q", "-m", "initial");
        ok(agentctl(null, "init"));
        config(c -> {
            c.addProperty("tmux_socket", socket);
            c.addProperty("tmux_session", session);
            c.addProperty("pane_linger", "0s");
        });
    }

    /**
     * Makes runs able to use Claude Code offline: claude_bin, the offline server as Anthropic's API, a fresh
     * HOME (Claude Code keeps its sessions there), no other traffic, and no retries so errors surface at once.
     */
    public void useClaude() throws IOException {
        env.putAll(model.claudeEnvironment(Files.createDirectories(base.resolve("claude-home"))));
        String claude = ClaudeBinary.path();
        config(c -> c.addProperty("claude_bin", claude));
    }

    public Map<String, String> env() {
        return env;
    }

    /** Changes config.json. */
    public void config(java.util.function.Consumer<JsonObject> change) throws IOException {
        JsonObject c = Json.readObject(home.resolve("config.json"));
        change.accept(c);
        Json.writeAtomically(home.resolve("config.json"), c);
    }

    /** The argv that runs the installed-style launcher (bin/agentctl) from the checkout. */
    public static List<String> agentctlArgv() {
        Path launcher = ROOT.resolve("bin/agentctl");
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(launcher)) {
            argv.add(launcher.toString());
        } else {
            argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("agentctl.jar", ROOT.resolve("target/agentctl.jar").toString())));
        }
        return argv;
    }

    public ProcResult agentctl(String stdin, String... args) {
        return agentctlIn(project, stdin, args);
    }

    public ProcResult agentctlIn(Path cwd, String stdin, String... args) {
        List<String> argv = agentctlArgv();
        argv.addAll(List.of(args));
        return Procs.run(argv, cwd, env, stdin, Duration.ofSeconds(90));
    }

    public static ProcResult ok(ProcResult r) {
        if (r.exit() != 0) throw new AssertionError("agentctl failed: " + r);
        return r;
    }

    /** start with the prompt on stdin; returns the run id (the only stdout line). */
    public String start(String prompt, String... args) {
        List<String> all = new ArrayList<>(List.of("start"));
        all.addAll(List.of(args));
        ProcResult r = ok(agentctl(prompt, all.toArray(String[]::new)));
        String id = r.out().strip();
        if (id.contains("\n") || id.isEmpty()) throw new AssertionError("start printed more than the run id: " + r);
        return id;
    }

    public JsonObject waitFor(String id, String timeout) {
        ProcResult r = agentctl(null, "wait", id, "--timeout", timeout);
        if (r.exit() != 0) throw new AssertionError("wait failed: " + r);
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    public JsonObject meta(String id) throws IOException {
        return Json.readObject(home.resolve("runs").resolve(id).resolve("meta.json"));
    }

    public ProcResult tmux(String... args) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
        argv.addAll(List.of(args));
        return Procs.run(argv, base, env, null, Duration.ofSeconds(20));
    }

    public ProcResult git(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        argv.addAll(List.of(args));
        return Procs.run(argv, project, env, null, Duration.ofSeconds(30));
    }

    /** Processes started from this environment's directories (supervisors, codex) still alive. */
    /** The input of the last request the model got that carries marker (what the agent sent it, as JSON text). */
    public String lastModelInputWith(String marker) {
        List<com.google.gson.JsonObject> reqs = model.requests();
        for (int i = reqs.size() - 1; i >= 0; i--) {
            String input = reqs.get(i).get("input").toString();
            if (input.contains(marker)) return input;
        }
        throw new AssertionError("no request carried " + marker);
    }

    public List<ProcessHandle> leftoverProcesses() {
        String marker = base.toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != ProcessHandle.current().pid())
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false)
                        || h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    @Override
    public void close() {
        // The same environment the runs' tmux calls had (no TMUX_TMPDIR): the server and its socket file are found where they are.
        new dev.agentctl.tmux.Tmux(socket, env).killServer();
        for (ProcessHandle h : leftoverProcesses()) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }
        model.close();
    }
}
