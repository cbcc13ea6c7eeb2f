package dev.agentctl.codex;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.Executables;
import java.nio.file.Path;

/** Finds the codex binary runs will use. */
public final class CodexExecutable {
    private CodexExecutable() {}

    /** The binary config's codex_bin names, found on the caller's PATH; refused before anything is created when it cannot run. */
    public static Path find(String codexBin, String pathEnv, Path cwd) {
        Path found = Executables.find(codexBin, pathEnv, cwd);
        if (found != null) return found;
        if (codexBin.contains("/")) {
            throw AgentctlException.usage("codex_bin " + codexBin + " is not an executable file (config.json codex_bin)");
        }
        throw AgentctlException.usage("codex_bin '" + codexBin + "' is not on PATH; install it with '"
                + CodexVersion.INSTALL_HINT + "' or set codex_bin in config.json");
    }
}
