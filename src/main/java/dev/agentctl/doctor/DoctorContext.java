package dev.agentctl.doctor;

import dev.agentctl.store.Json;
import dev.agentctl.proc.Executables;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the checks look at: the workspace (never created or changed by doctor), the caller's environment,
 * and the configuration as far as it can be read. A broken config.json is reported once by the config
 * check; the other checks then go on with the defaults instead of failing the same way again.
 */
public final class DoctorContext {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final Path cwd;
    private final boolean live;
    private Config config;
    private boolean codexLooked;
    private Path codex;

    public DoctorContext(Workspace workspace, Map<String, String> env, Path cwd, boolean live) {
        this.workspace = workspace;
        this.env = env;
        this.cwd = cwd;
        this.live = live;
    }

    public Workspace workspace() { return workspace; }
    public Map<String, String> env() { return env; }
    public Path cwd() { return cwd; }
    public boolean live() { return live; }

    /** config.json over the defaults; the defaults alone when it cannot be read or parsed. */
    public Config config() {
        if (config == null) {
            try {
                config = new Config(Json.readObject(workspace.configFile()));
            } catch (Exception e) {
                config = new Config(null);
            }
        }
        return config;
    }

    /** The codex runs would use (codex_bin on the caller's PATH), or null when there is none. */
    public Path codex() {
        if (!codexLooked) {
            codexLooked = true;
            codex = Executables.locateAgent(config().codexBin(), env.get("PATH"), cwd, env);
        }
        return codex;
    }

    /** A program on the caller's PATH, or null. */
    public Path onPath(String program) {
        return Executables.find(program, env.get("PATH"), cwd);
    }
}
