package dev.agentctl.cli;

import dev.agentctl.base.BuildInfo;
import picocli.CommandLine;

/** The version Maven filtered into agentctl-version.properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return BuildInfo.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"agentctl " + version()};
    }
}
