package dev.agentctl.tmux;

import dev.agentctl.cli.AgentctlException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** {@code socket}: null or blank = default server; containing '/' = "-S path"; else "-L name". */
    TmuxProcess(String socket) {
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
        ProcessBuilder pb = new ProcessBuilder(command(tmuxArgs));
        if (privateServer) {
            // $TMUX/$TMUX_PANE describe the server the user sits in, not ours; without them tmux cannot
            // fall back to that server or treat one of its panes as "current".
            Map<String, String> env = pb.environment();
            env.remove("TMUX");
            env.remove("TMUX_PANE");
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw AgentctlException.failed("tmux: " + what + " failed: cannot run tmux: " + e.getMessage(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw AgentctlException.failed("tmux: " + what + " failed: no answer within " + TIMEOUT.toSeconds() + "s");
            }
            // The pipes close when tmux exits (its server detaches from them); the bound only guards
            // against a stray child holding them open.
            return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw AgentctlException.failed("tmux: " + what + " failed: interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw AgentctlException.failed("tmux: " + what + " failed: cannot read its output: " + e, e);
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

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
