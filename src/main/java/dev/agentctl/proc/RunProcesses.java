package dev.agentctl.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every process a run started, however it detached: codex gets {@link #MARKER_ENV} in its
 * environment and everything it starts inherits it, so a double-forked `setsid` daemon or a
 * `nohup … &` that left codex's process tree is still found, in /proc/PID/environ.
 */
public final class RunProcesses {
    /** The run id, in the environment of codex and of every command it starts. */
    public static final String MARKER_ENV = "AGENTCTL_RUN_ID";

    private RunProcesses() {}

    /** Live processes (other than this one) carrying the run's marker; empty where there is no /proc. */
    public static List<ProcessHandle> marked(String runId) {
        List<ProcessHandle> out = new ArrayList<>();
        if (runId == null) return out;
        byte[] marker = (MARKER_ENV + "=" + runId).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && holds(p.resolve("environ"), marker)) ProcessHandle.of(pid).ifPresent(out::add);
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: only the process tree can be found
        }
        return out;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return false;
        return true;
    }

    /** Whether the NUL-separated environment holds exactly this NAME=value entry. */
    private static boolean holds(Path environ, byte[] entry) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | RuntimeException e) {
            return false; // gone, or another user's process
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(env, start, i, entry, 0, entry.length)) return true;
                start = i + 1;
            }
        }
        return false;
    }
}
