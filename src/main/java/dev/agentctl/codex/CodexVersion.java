package dev.agentctl.codex;

import dev.agentctl.base.BuildInfo;

/** The codex version agentctl is tested with, and how to install it: one owner for every message that names it. */
public final class CodexVersion {
    /** For example "0.169.0". */
    public static final String TESTED = BuildInfo.testedCodexVersion();
    public static final String INSTALL_HINT = "npm install -g @openai/codex@" + TESTED;

    private CodexVersion() {}

    /** "0.169.x": patch releases of the tested minor version behave the same. */
    public static String testedSeries() {
        int cut = TESTED.lastIndexOf('.');
        return cut < 0 ? TESTED : TESTED.substring(0, cut) + ".x";
    }

    /** Whether `codex --version` printed a version of the tested series ("codex-cli 0.169.2"). */
    public static boolean isTested(String versionLine) {
        int cut = TESTED.lastIndexOf('.');
        return cut > 0 && versionLine != null && versionLine.startsWith("codex-cli " + TESTED.substring(0, cut + 1));
    }
}
