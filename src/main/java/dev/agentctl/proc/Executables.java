package dev.agentctl.proc;

import dev.agentctl.base.AgentctlException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs the way a shell would, but on the caller's PATH, not the tmux server's. */
public final class Executables {
    private Executables() {}

    /** An absolute path to an executable file, or null. */
    public static Path find(String name, String pathEnv, Path cwd) {
        if (name == null || name.isEmpty()) return null;
        if (name.contains("/")) {
            Path p = cwd.resolve(name).toAbsolutePath().normalize();
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        if (pathEnv == null) return null;
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }

    /**
     * The agent binary runs will use; refused before anything is created when it cannot run.
     *
     * @param key the config.json key naming it (codex_bin, claude_bin)
     */
    public static Path agent(String key, String bin, String installHint, String pathEnv, Path cwd) {
        Path found = find(bin, pathEnv, cwd);
        if (found != null) return found;
        if (bin.contains("/")) {
            throw AgentctlException.usage(key + " " + bin + " is not an executable file (config.json " + key + ")");
        }
        throw AgentctlException.usage(key + " '" + bin + "' is not on PATH; install it with '" + installHint
                + "' or set " + key + " in config.json");
    }
}
