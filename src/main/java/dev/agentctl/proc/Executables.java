package dev.agentctl.proc;

import dev.agentctl.cli.AgentctlException;
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

    /** Where install.sh puts the tested codex when none was installed: PREFIX/share/agentctl/bin/codex. */
    static final String INSTALLED_CODEX = "share/agentctl/bin/codex";

    /**
     * The codex install.sh installed next to agentctl, found from the launcher's path (bin/agentctl exports
     * AGENTCTL_LAUNCHER), or null.
     */
    public static Path installedCodex(java.util.Map<String, String> env) {
        String launcher = env.get("AGENTCTL_LAUNCHER");
        if (launcher == null || launcher.isBlank()) return null;
        Path binDir = Path.of(launcher).toAbsolutePath().getParent();
        if (binDir == null || binDir.getParent() == null) return null;
        Path p = binDir.getParent().resolve(INSTALLED_CODEX);
        return Files.isExecutable(p) && !Files.isDirectory(p) ? p : null;
    }

    /** codex_bin on PATH; for the default "codex", else the one install.sh installed with agentctl. Or null. */
    public static Path findCodex(String codexBin, String pathEnv, Path cwd, java.util.Map<String, String> env) {
        Path found = find(codexBin, pathEnv, cwd);
        if (found == null && "codex".equals(codexBin)) found = installedCodex(env);
        return found;
    }

    /** The codex binary runs will use; refused before anything is created when it cannot run. */
    public static Path codex(String codexBin, String pathEnv, Path cwd, java.util.Map<String, String> env) {
        Path found = findCodex(codexBin, pathEnv, cwd, env);
        if (found != null) return found;
        return codex(codexBin, pathEnv, cwd);
    }

    /** The codex binary runs will use; refused before anything is created when it cannot run. */
    public static Path codex(String codexBin, String pathEnv, Path cwd) {
        Path found = find(codexBin, pathEnv, cwd);
        if (found != null) return found;
        if (codexBin.contains("/")) {
            throw AgentctlException.usage("codex_bin " + codexBin + " is not an executable file (config.json codex_bin)");
        }
        throw AgentctlException.usage("codex_bin '" + codexBin + "' is not on PATH; install it with "
                + "'npm install -g @openai/codex@0.169.0' (or ./install.sh, which installs it with agentctl) or set codex_bin in config.json");
    }
}
