package dev.agentctl.codex;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the codex binary runs will use. */
public final class CodexExecutable {
    /** Where install.sh puts the tested codex when none was installed: PREFIX/share/agentctl/bin/codex. */
    static final String INSTALLED_CODEX = "share/agentctl/bin/codex";
    /** Set by bin/agentctl to its own path: PREFIX/bin/agentctl. */
    static final String LAUNCHER_ENV = "AGENTCTL_LAUNCHER";

    private CodexExecutable() {}

    /** The binary config's codex_bin names, found on the caller's PATH; refused before anything is created when it cannot run. */
    public static Path find(String codexBin, String pathEnv, Path cwd) {
        return orRefuse(Executables.find(codexBin, pathEnv, cwd), codexBin);
    }

    /** As {@link #find(String, String, Path)}, but the default "codex" may also be the one install.sh put next to agentctl. */
    public static Path find(String codexBin, String pathEnv, Path cwd, Map<String, String> env) {
        return orRefuse(locate(codexBin, pathEnv, cwd, env), codexBin);
    }

    /** codex_bin on PATH; for the default "codex", else the one install.sh installed with agentctl. Or null. */
    public static Path locate(String codexBin, String pathEnv, Path cwd, Map<String, String> env) {
        Path found = Executables.find(codexBin, pathEnv, cwd);
        if (found == null && "codex".equals(codexBin)) found = installed(env);
        return found;
    }

    /** The codex install.sh installed next to agentctl, found from the launcher's path, or null. */
    static Path installed(Map<String, String> env) {
        String launcher = env.get(LAUNCHER_ENV);
        if (launcher == null || launcher.isBlank()) return null;
        Path binDir = Path.of(launcher).toAbsolutePath().getParent();
        if (binDir == null || binDir.getParent() == null) return null;
        Path p = binDir.getParent().resolve(INSTALLED_CODEX);
        return Files.isExecutable(p) && !Files.isDirectory(p) ? p : null;
    }

    private static Path orRefuse(Path found, String codexBin) {
        if (found != null) return found;
        if (codexBin.contains("/")) {
            throw AgentctlException.usage("codex_bin " + codexBin + " is not an executable file (config.json codex_bin)");
        }
        throw AgentctlException.usage("codex_bin '" + codexBin + "' is not on PATH; install it with '"
                + CodexVersion.INSTALL_HINT + "' (or ./install.sh, which installs it with agentctl) or set codex_bin in config.json");
    }
}
