package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * attach on a private tmux server. A second private server ("outer") gives the tmux client a terminal,
 * as a person's terminal would.
 */
class AttachIT extends RealRunTest {
    private final String outer = "agentctl-it-outer-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @AfterEach
    void killOuter() {
        new dev.agentctl.tmux.Tmux(outer, env.env()).killServer();
    }

    private ProcResult outerTmux(String... args) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", outer));
        argv.addAll(List.of(args));
        return Procs.run(argv, env.base, env.env(), null, Duration.ofSeconds(20));
    }

    /** agentctl as a pane runs it: pinned to this JVM, with this workspace. */
    private List<String> agentctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/env", "JAVA_HOME=" + System.getProperty("java.home")));
        argv.addAll(TestEnv.agentctlArgv());
        argv.addAll(List.of("--home", env.home.toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    private String runningPane() {
        String id = env.start("Wait [[mock:hang]]");
        JsonObject[] m = new JsonObject[1];
        Procs.await("running " + id, Duration.ofSeconds(60), () -> {
            try {
                m[0] = env.meta(id);
                return !m[0].get("codex_pid").isJsonNull();
            } catch (Exception e) {
                return false;
            }
        });
        return id;
    }

    private String clientPane() {
        String[] seen = new String[1];
        Procs.await("a client on the run's server", Duration.ofSeconds(30), () -> {
            String clients = env.tmux("list-clients", "-F", "#{client_name}").out().strip();
            if (clients.isEmpty()) return false;
            seen[0] = env.tmux("display-message", "-p", "-c", clients.split("\n")[0], "#{pane_id}").out().strip();
            return true;
        });
        return seen[0];
    }

    @Test
    void outsideTmuxAttachesToTheRunsPane() throws Exception {
        String id = runningPane();
        String pane = env.meta(id).get("pane_id").getAsString();
        env.tmux("new-window", "-d", "-t", "=" + env.session + ":", "cat"); // the pane is not in the current window
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-s", "term", "-x", "200", "-y", "50", "--",
                "/usr/bin/env", "-u", "TMUX", "-u", "TMUX_PANE"));
        cmd.addAll(agentctl("attach", id));
        TestEnv.ok(outerTmux(cmd.toArray(String[]::new)));
        Procs.await("attached client shows the run's pane", Duration.ofSeconds(30), () -> pane.equals(clientPane()));

        TestEnv.ok(env.tmux("detach-client", "-s", "=" + env.session)); // attach ends with tmux's exit code
        Procs.await("attach exited", Duration.ofSeconds(20), () -> outerTmux("has-session", "-t", "=term").exit() != 0);
        TestEnv.ok(env.agentctl(null, "kill", id));
    }

    @Test
    void insideTmuxSwitchesTheClientToTheRunsPane() throws Exception {
        String id = runningPane();
        String pane = env.meta(id).get("pane_id").getAsString();
        // An "orchestrator" pane on the same server waits for a signal, then runs attach from inside tmux.
        List<String> orch = new ArrayList<>(List.of("new-session", "-d", "-s", "orch", "-x", "200", "-y", "50", "-P", "-F", "#{pane_id}",
                "--", "/bin/sh", "-c", "tmux wait-for go && \"$@\"; exec cat", "sh"));
        orch.addAll(agentctl("attach", id));
        String orchPane = TestEnv.ok(env.tmux(orch.toArray(String[]::new))).out().strip();
        TestEnv.ok(outerTmux("new-session", "-d", "-s", "term", "-x", "200", "-y", "50", "--",
                "/usr/bin/env", "-u", "TMUX", "-u", "TMUX_PANE", "tmux", "-L", env.socket, "attach", "-t", "=orch"));
        Procs.await("the client sits in the orchestrator's pane", Duration.ofSeconds(30), () -> orchPane.equals(clientPane()));

        TestEnv.ok(env.tmux("wait-for", "-S", "go"));
        Procs.await("the client switched to the run's pane", Duration.ofSeconds(30), () -> pane.equals(clientPane()));
        TestEnv.ok(env.agentctl(null, "kill", id));
    }

    @Test
    void aRunWithoutAPanePointsToLogs() {
        String id = env.start("Detached [[mock:goal_not_met]]", "--no-tmux");
        env.waitFor(id, "120s");
        ProcResult r = env.agentctl(null, "attach", id);
        assertEquals(1, r.exit(), r.toString());
        assertEquals("agentctl: run " + id + " has no pane to show (detached, or its pane is closed); read its progress with: agentctl logs " + id,
                r.err().strip());
        assertEquals(2, env.agentctl(null, "attach", "20200101-000000-000000").exit());
    }
}
