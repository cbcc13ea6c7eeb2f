package dev.agentctl.demo;

import com.google.gson.JsonObject;
import dev.agentctl.offline.CodexHomeWriter;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo workspace's config.json: the caller's codex, a private tmux server, panes that close at once. */
final class DemoConfig {
    /** The profile the demo's runs use: the offline model's slug, no sandbox (the mock's commands must run). */
    static final String PROFILE = "demo";
    /** A bound on every demo run, so a broken codex cannot keep the demo waiting forever. */
    static final String RUN_TIMEOUT = "2m";

    private DemoConfig() {}

    /** Written before `agentctl init`, which then adds the remaining defaults and keeps these. */
    static void write(DemoPlace place, Path codex, Path claude, boolean tmux, boolean keep) throws IOException {
        Files.createDirectories(place.home);
        JsonObject c = new JsonObject();
        c.addProperty("codex_bin", codex.toString());
        if (claude != null) c.addProperty("claude_bin", claude.toString());
        c.addProperty("launcher", tmux ? Config.LAUNCHER_TMUX : Config.LAUNCHER_DETACHED);
        c.addProperty("tmux_socket", place.tmuxSocket);
        c.addProperty("tmux_session", DemoPlace.SESSION);
        // With --keep the panes stay readable after the demo; otherwise they close as soon as a run ends.
        c.addProperty("pane_linger", keep && tmux ? "1h" : "0s");
        JsonObject profiles = new JsonObject();
        JsonObject demo = new JsonObject();
        demo.addProperty("model", CodexHomeWriter.MODEL);
        demo.addProperty("reasoning_effort", "low");
        demo.add("sandbox", null);
        profiles.add(PROFILE, demo);
        c.add("profiles", profiles);
        Json.writeAtomically(place.home.resolve("config.json"), c);
    }
}
