package dev.agentctl.tmux;

import dev.agentctl.base.TerminalText;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the tmux client: argv only, never a shell. */
final class TmuxProcess {
    /** What one tmux invocation left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** tmux's first error line, or the exit code when it said nothing. */
        String errorLine() {
            for (String line : stderr.split("\n")) {
                if (!line.isBlank()) {
                    return TerminalText.oneLine(line.strip(), 300);
                }
            }
            return "exit code " + exitCode;
        }

        String firstLine() {
            int nl = stdout.indexOf('\n');
            return (nl < 0 ? stdout : stdout.substring(0, nl)).strip();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final List<String> base;
    private final boolean privateServer;
    private final String tmuxTmpdir;

    /**
     * {@code socket}: null or blank = default server; containing '/' = "-S path"; else "-L name".
     * {@code tmuxTmpdir}: the caller's TMUX_TMPDIR, or null for tmux's default (/tmp).
     */
    TmuxProcess(String socket, String tmuxTmpdir) {
        this.tmuxTmpdir = tmuxTmpdir;
        List<String> b = new ArrayList<>();
        b.add("tmux");
        privateServer = socket != null && !socket.isBlank();
        if (privateServer) {
            b.add(socket.contains("/") ? "-S" : "-L");
            b.add(socket);
        }
        base = List.copyOf(b);
    }

    List<String> command(List<String> tmuxArgs) {
        List<String> argv = new ArrayList<>(base);
        argv.addAll(tmuxArgs);
        return argv;
    }

    /** Runs tmux with {@code tmuxArgs}; throws only when tmux could not be run at all. */
    Result run(String what, List<String> tmuxArgs) {
        // $TMUX/$TMUX_PANE describe the server the user sits in, not ours; without them tmux cannot
        // fall back to that server or treat one of its panes as "current".
        Map<String, String> env = new HashMap<>();
        env.put("TMUX_TMPDIR", tmuxTmpdir);
        if (privateServer) {
            env.put("TMUX", null);
            env.put("TMUX_PANE", null);
        }
        try {
            ProcessRunner.Result r = ProcessRunner.run(command(tmuxArgs), null, env, TIMEOUT);
            return new Result(r.exitCode(), r.stdout(), r.stderr());
        } catch (AgentctlException e) {
            throw AgentctlException.failed("tmux: " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #check}, but keeping $TMUX/$TMUX_PANE even for a private server: the caller sits in one of
     * its clients and tmux finds that client through them.
     */
    Result checkAsClient(String what, List<String> tmuxArgs) {
        try {
            Map<String, String> env = new HashMap<>();
            env.put("TMUX_TMPDIR", tmuxTmpdir);
            ProcessRunner.Result r = ProcessRunner.run(command(tmuxArgs), null, env, TIMEOUT);
            Result result = new Result(r.exitCode(), r.stdout(), r.stderr());
            if (!result.ok()) throw failure(what, result);
            return result;
        } catch (AgentctlException e) {
            if (e.getMessage().startsWith("tmux: ")) throw e;
            throw AgentctlException.failed("tmux: " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a tmux client on our own terminal (stdin, stdout, stderr inherited) until it ends; $TMUX is
     * dropped so that attaching from inside another server nests instead of being refused.
     */
    int interactive(List<String> tmuxArgs) {
        ProcessBuilder pb = new ProcessBuilder(command(tmuxArgs)).inheritIO();
        pb.environment().remove("TMUX");
        pb.environment().remove("TMUX_PANE");
        if (tmuxTmpdir != null) pb.environment().put("TMUX_TMPDIR", tmuxTmpdir);
        try {
            return pb.start().waitFor();
        } catch (java.io.IOException e) {
            throw AgentctlException.failed("tmux: attach failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentctlException.failed("tmux: attach failed: interrupted");
        }
    }

    /** Like {@link #run} but any non-zero exit becomes the standard failure. */
    Result check(String what, List<String> tmuxArgs) {
        Result r = run(what, tmuxArgs);
        if (!r.ok()) {
            throw failure(what, r);
        }
        return r;
    }

    static AgentctlException failure(String what, Result r) {
        return AgentctlException.failed("tmux: " + what + " failed: " + r.errorLine());
    }
}
