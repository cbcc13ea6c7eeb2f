package dev.agentctl.notify;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.PrivateTmux;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs finishing together each wake the orchestrator with a line of its own. */
class WakeUpIT {
    @TempDir Path tmp;

    /** 3 supervisors finishing at once; 50 finishes from 10 processes of 5 threads (50 JVMs would take minutes on 2 cores). */
    @ParameterizedTest
    @CsvSource({"3,1", "10,5"})
    void simultaneousFinishesTypeOneLineEach(int processes, int perProcess) throws Exception {
        int runs = processes * perProcess;
        try (PrivateTmux tmux = PrivateTmux.create()) {
            Path typed = tmp.resolve("typed.txt");
            // The orchestrator's pane: whatever is typed and entered ends up, line by line, in a file.
            String pane = tmux.newSession("orch", 200, 50, "sh", "-c", "exec cat > \"$0\"", typed.toString());
            Path home = tmp.resolve("home");
            new Workspace(home).ensure();
            Files.writeString(home.resolve("config.json"), "{\"tmux_socket\": \"" + tmux.socket()
                    + "\", \"tmux_sendkeys_target\": \"" + pane + "\"}");
            Path go = tmp.resolve("go");
            List<CompletableFuture<ProcResult>> probes = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        WakeUpProbe.class.getName(), home.toString(), go.toString()));
                for (int j = 0; j < perProcess; j++) argv.add("run-" + (i * perProcess + j));
                probes.add(CompletableFuture.supplyAsync(() -> Procs.run(argv, tmp, null, null, Duration.ofSeconds(180))));
            }
            Files.writeString(go, "");
            for (CompletableFuture<ProcResult> p : probes) assertEquals("", p.get().err(), p.get().toString());
            Procs.await(runs + " lines in the pane", Duration.ofSeconds(30), () -> lines(typed).size() >= runs);
            List<String> lines = lines(typed);
            assertEquals(runs, lines.size(), String.join("\n", lines));
            for (String l : lines) assertTrue(l.matches("\\[AI_ORCH DONE run_id=run-\\d+ goal_met=true exit=0]"), l);
            assertEquals(runs, lines.stream().distinct().count());
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }
}
