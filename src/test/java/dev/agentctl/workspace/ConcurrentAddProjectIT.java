package dev.agentctl.workspace;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 50 add-project processes at once: the lock keeps every one of them. */
class ConcurrentAddProjectIT {
    @TempDir Path tmp;

    @Test
    void fiftyConcurrentProcessesLeaveFiftyEntries() throws Exception {
        Path home = tmp.resolve("home");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AI_ORCH_HOME", home.toString());
        List<CompletableFuture<ProcResult>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<String> argv = TestEnv.agentctlArgv();
            argv.addAll(List.of("add-project", "p" + i, tmp.toString()));
            all.add(CompletableFuture.supplyAsync(() -> Procs.run(argv, tmp, env, null, Duration.ofSeconds(120))));
        }
        for (CompletableFuture<ProcResult> f : all) assertEquals(0, f.get().exit(), f.get().toString());
        List<String> argv = TestEnv.agentctlArgv();
        argv.addAll(List.of("projects"));
        ProcResult r = Procs.run(argv, tmp, env, null, Duration.ofSeconds(60));
        assertEquals(50, r.out().strip().split("\n").length, r.out());
        try (var s = Files.list(home)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temp files left");
        }
    }
}
