package dev.agentctl.codex;

import dev.agentctl.base.BuildInfo;
import java.util.List;

/** The codex versions agentctl is tested with, and how to install one: one owner for every message that names them. */
public final class CodexVersion {
    /** For example "0.171.0": the version installs and hints name. */
    public static final String TESTED = BuildInfo.testedCodexVersion();
    /** An earlier version the tests still run (a turn and a resume); it is tested too. */
    public static final String PREVIOUS = BuildInfo.previousCodexVersion();
    public static final String INSTALL_HINT = "npm install -g @openai/codex@" + TESTED;

    private CodexVersion() {}

    /** "0.171.x (or 0.169.x)": patch releases of a tested minor version behave the same. */
    public static String testedSeries() {
        return series(TESTED) + " (or " + series(PREVIOUS) + ")";
    }

    /** Whether `codex --version` printed a version of a tested series ("codex-cli 0.171.2", "codex-cli 0.169.0"). */
    public static boolean isTested(String versionLine) {
        if (versionLine == null) return false;
        for (String v : List.of(TESTED, PREVIOUS)) {
            int cut = v.lastIndexOf('.');
            if (cut > 0 && versionLine.startsWith("codex-cli " + v.substring(0, cut + 1))) return true;
        }
        return false;
    }

    private static String series(String version) {
        int cut = version.lastIndexOf('.');
        return cut < 0 ? version : version.substring(0, cut) + ".x";
    }
}
