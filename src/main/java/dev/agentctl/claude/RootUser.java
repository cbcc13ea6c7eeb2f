package dev.agentctl.claude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process runs as root, which changes what Claude Code allows. */
final class RootUser {
    private RootUser() {}

    static boolean isRoot() {
        try {
            // The owner of /proc/self is the process's effective uid (Linux).
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
