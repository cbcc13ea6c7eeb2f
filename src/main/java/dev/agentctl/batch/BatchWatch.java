package dev.agentctl.batch;

import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.Reconciler;
import dev.agentctl.lifecycle.RunKiller;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Follows a batch in the foreground until every task is done: a live view redrawn in place on a terminal
 * (only when something changed, so it does not flicker), a line per change otherwise. It also does what any
 * waiting agentctl command does for the queue: finalizes lost runs and promotes waiting ones.
 */
public final class BatchWatch {
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(2);

    private final RunStore store;
    private final Reconciler reconciler;
    private final Queue queue;
    private final Supplier<RunKiller> killer;
    private final Io io;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public BatchWatch(RunStore store, Reconciler reconciler, Queue queue, Supplier<RunKiller> killer, Io io) {
        this.store = store;
        this.reconciler = reconciler;
        this.queue = queue;
        this.killer = killer;
        this.io = io;
    }

    /** How a watch ended: the batch done, or Ctrl-C (with the runs killed or left running). */
    public record Result(BatchState state, boolean interrupted) {}

    public Result follow(BatchRecord record, boolean failFast) throws InterruptedException {
        catchCtrlC();
        PrintStream out = io.err(); // stdout is for the result (a table or --json)
        List<String> shown = List.of();
        Map<String, String> lastStates = new HashMap<>();
        boolean killed = false;
        long nextHousekeeping = 0;
        while (true) {
            BatchState s = BatchState.read(store, record);
            if (System.nanoTime() >= nextHousekeeping) {
                for (RunId id : s.unfinishedRuns()) {
                    RunMeta m = store.readQuietly(id);
                    if (m != null) reconciler.reconcile(m);
                }
                List<RunId> awaited = new ArrayList<>(s.unfinishedRuns());
                awaited.addAll(s.escalating());
                queue.promote(awaited);
                nextHousekeeping = System.nanoTime() + HOUSEKEEPING.toNanos();
                s = BatchState.read(store, record);
            }
            if (io.terminal()) {
                shown = redraw(out, shown, BatchView.lines(s, Instant.now()));
            } else {
                for (BatchState.Task t : s.tasks()) {
                    if (!t.state().equals(lastStates.put(t.id(), t.state()))) {
                        RunMeta m = t.last();
                        out.println("batch " + record.group() + ": " + t.id() + " " + t.state() + (m == null ? "" : " " + m.runId()));
                    }
                }
            }
            if (failFast && !killed && !s.failed().isEmpty() && !s.unfinishedRuns().isEmpty()) {
                killed = true;
                kill(s, "--fail-fast: task " + s.failed().get(0).id() + " " + s.failed().get(0).state());
                continue;
            }
            if (s.done()) return new Result(s, false);
            if (interrupted.get()) return new Result(s, true);
            Thread.sleep(TICK.toMillis());
        }
    }

    /** Kills every unfinished run of the batch; best effort (a run that ends meanwhile is simply done). */
    public void kill(BatchState s, String reason) {
        try {
            killer.get().kill(new ArrayList<>(s.unfinishedRuns()), reason);
        } catch (Exception e) {
            io.err().println("agentctl: warning: could not kill every run of batch " + s.group() + ": " + e.getMessage());
        }
    }

    /** Rewrites only the lines that changed, cursor back up over what was drawn before (always at column 0). */
    static List<String> redraw(PrintStream out, List<String> before, List<String> now) {
        if (now.equals(before)) return before;
        StringBuilder b = new StringBuilder();
        if (!before.isEmpty()) b.append("\033[").append(before.size()).append('A');
        for (int i = 0; i < now.size(); i++) {
            boolean same = i < before.size() && before.get(i).equals(now.get(i));
            b.append(same ? "\033[1B" : "\r\033[2K" + now.get(i) + "\n");
        }
        out.print(b);
        out.flush();
        return now;
    }

    private void catchCtrlC() {
        try {
            Signal.handle(new Signal("INT"), sig -> interrupted.set(true));
        } catch (IllegalArgumentException e) {
            // no SIGINT here: Ctrl-C keeps its default (the runs go on; batch wait finds them)
        }
    }
}
