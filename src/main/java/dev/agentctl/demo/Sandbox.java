package dev.agentctl.demo;

import com.google.gson.JsonObject;
import dev.agentctl.codex.CodexVersion;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.offline.CodexHomeWriter;
import dev.agentctl.offline.OfflineModelServer;
import dev.agentctl.proc.Executables;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.ProjectRegistry;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * `agentctl sandbox`: a workspace, CODEX_HOME and practice project wired to the offline model, for trying
 * start, wait, resume and kill without an API key. Prints the variables to export, then serves until it
 * is stopped (Ctrl-C, SIGTERM), and removes what it made (unless kept). The offline model lives in this
 * JVM, so the sandbox works exactly as long as this command runs.
 */
public final class Sandbox {
    public static final String PROJECT = "practice";
    public static final String SESSION = "agentctl-sandbox";

    private final Io io;

    public Sandbox(Io io) {
        this.io = io;
    }

    /** Never returns normally: the sandbox ends when the JVM is told to stop, through the cleanup hook. */
    public int run(Path dir, boolean keep) throws InterruptedException {
        Path codex = Executables.agent("codex_bin", "codex", CodexVersion.INSTALL_HINT, io.env().get("PATH"), io.cwd(), io.env());
        boolean tmux = Executables.find("tmux", io.env().get("PATH"), io.cwd()) != null;
        DemoPlace place = dir == null ? DemoPlace.create(io.env(), "sandbox") : DemoPlace.at(dir, "sandbox");
        DemoCleanup cleanup = new DemoCleanup(place, tmux, keep, io.err(), io.env());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cleanup.run();
            io.err().println(keep ? "agentctl sandbox: stopped; kept " + place.base
                    : "agentctl sandbox: stopped; removed what it made in " + place.base);
        }, "agentctl-sandbox-cleanup"));
        OfflineModelServer model = OfflineModelServer.start();
        cleanup.model(model);
        try {
            model.writeCodexHome(place.codexHome);
            writeConfig(place, codex, tmux);
            Workspace ws = new Workspace(place.home).ensure();
            new ConfigStore(ws).writeMissingDefaults();
            DemoProject project = DemoProject.create(place.projects, io.env());
            new ProjectRegistry(ws).add(PROJECT, project.repo().toString(), null);
            printExports(io.out(), place, model, tmux, project.repo());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot set up the sandbox: " + e.getMessage(), e);
        }
        new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM; the hook cleans up
        return 0;
    }

    /** Every default profile on the offline model's slug, so --profile deep works as it would for real. */
    private static void writeConfig(DemoPlace place, Path codex, boolean tmux) throws IOException {
        java.nio.file.Files.createDirectories(place.home);
        JsonObject c = new JsonObject();
        c.addProperty("codex_bin", codex.toString());
        c.addProperty("launcher", tmux ? Config.LAUNCHER_TMUX : Config.LAUNCHER_DETACHED);
        c.addProperty("tmux_socket", place.tmuxSocket);
        c.addProperty("tmux_session", SESSION);
        JsonObject profiles = Config.defaults().getAsJsonObject("profiles").deepCopy();
        for (Map.Entry<String, com.google.gson.JsonElement> p : profiles.entrySet()) {
            p.getValue().getAsJsonObject().addProperty("model", CodexHomeWriter.MODEL);
        }
        c.add("profiles", profiles);
        Json.writeAtomically(place.home.resolve("config.json"), c);
    }

    private static void printExports(PrintStream out, DemoPlace place, OfflineModelServer model, boolean tmux, Path project) {
        out.println("# agentctl sandbox: offline model on " + model.baseUrl() + " (no API key, no network)");
        out.println("# In another shell, paste these two lines:");
        out.println("export AI_ORCH_HOME=" + shellQuoted(place.home.toString()));
        out.println("export CODEX_HOME=" + shellQuoted(place.codexHome.toString()));
        out.println("# project '" + PROJECT + "' is a git repository at " + project);
        out.println("# try:  id=$(echo 'Say hello [[mock:succeed]]' | agentctl start --project " + PROJECT + " --timeout 10m)");
        out.println("#       agentctl wait \"$id\"; agentctl show \"$id\" -f summary");
        out.println("# markers in a prompt pick what the offline model does: [[mock:succeed]] [[mock:goal_not_met]]");
        out.println("#   [[mock:fail]] [[mock:hang]] [[mock:slow]] [[mock-delay:SECONDS]] [[mock-cmd:COMMAND]] (see README)");
        if (tmux) out.println("# watch the panes:  tmux -L " + place.tmuxSocket + " attach -t " + SESSION);
        out.println("# Ctrl-C here ends the sandbox: its runs are stopped and " + place.base + " is cleaned up.");
        out.flush();
    }

    /** A single-quoted shell word: safe for any path. */
    static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
