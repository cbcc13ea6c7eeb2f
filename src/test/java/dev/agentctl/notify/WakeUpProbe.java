package dev.agentctl.notify;

import dev.agentctl.testing.RawMeta;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.ConfigStore;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that announces finished runs, as supervisors do at their end: `WakeUpProbe HOME GO_FILE
 * RUN_ID...` waits until GO_FILE exists (so that many probes announce at the same moment), then
 * announces every run at once, one thread each.
 */
public final class WakeUpProbe {
    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]));
        Path go = Path.of(args[1]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) Thread.sleep(5); // a start line, not synchronisation of results
        Notifier notifier = new Notifier(ws, new ConfigStore(ws).load(), System.getenv(), p -> System.err.println(p));
        List<Thread> threads = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            RunMeta m = RawMeta.create().put("run_id", args[i]).put("goal_met", true).put("exit_code", 0)
                    .put("status", "finished").put("outcome", "succeeded").meta();
            Thread t = new Thread(() -> notifier.announceFinished(m));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
    }
}
