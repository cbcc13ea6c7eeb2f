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
}
