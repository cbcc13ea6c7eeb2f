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

    /** The codex binary runs will use; refused before anything is created when it cannot run. */
    public static Path codex(String codexBin, String pathEnv, Path cwd) {
        Path found = find(codexBin, pathEnv, cwd);
        if (found != null) return found;
        if (codexBin.contains("/")) {
            throw AgentctlException.usage("codex_bin " + codexBin + " is not an executable file (config.json codex_bin)");
        }
        throw AgentctlException.usage("codex_bin '" + codexBin + "' is not on PATH; install it with "
                + "'npm install -g @openai/codex@0.169.0' or set codex_bin in config.json");
    }
}
