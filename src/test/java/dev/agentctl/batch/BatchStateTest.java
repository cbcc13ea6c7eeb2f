package dev.agentctl.batch;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStateTest {
    @TempDir
    Path home;

    private RunStore store() {
        return new RunStore(new Workspace(home).ensure());
    }

    private void change(String id, java.util.function.Consumer<RawMeta> how) {
        RunMeta m = store().read(RunId.of(id));
        how.accept(RawMeta.of(m));
        store().write(m);
    }

    @Test
    void aTaskWaitingForItsEscalationIsNotDoneAndItsResultIsTheEscalatedRun() {
        RunFixtures.write(home, "r-a", "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        RunFixtures.write(home, "r-b", "2026-01-01T00:00:01Z", "finished", "goal_not_met", "p");
        change("r-a", r -> r.put(RunMeta.STARTED_AT, "2026-01-01T00:00:00Z").put(RunMeta.ENDED_AT, "2026-01-01T00:01:05Z")
                .put(RunMeta.GIT_DIFF_STAT, " a.txt | 1 +\n 1 file changed, 1 insertion(+)"));
        change("r-b", r -> r.put(RunMeta.BATCH_ESCALATE, "deep").put(RunMeta.FOLLOWUP_PROMPT, "finish it")
                .put(RunMeta.ENDED_AT, Instant.now().toString()));
        BatchRecord record = new BatchRecord("g", "plan.json", List.of(new BatchRecord.Entry("a", "r-a", List.of()),
                new BatchRecord.Entry("b", "r-b", List.of())));

        BatchState s = BatchState.read(store(), record);
        assertEquals("succeeded", s.tasks().get(0).state());
        assertEquals("escalating", s.tasks().get(1).state());
        assertFalse(s.done(), "an escalation about to start keeps the batch going");
        String table = BatchView.table(s, Instant.now());
        assertTrue(table.contains("1 file changed, 1 insertion(+)"), table);
        assertTrue(table.contains("1m05s"), table);
        assertTrue(table.endsWith("batch g: 1 of 2 succeeded so far\n"), table);

        RunFixtures.write(home, "r-c", "2026-01-01T00:00:02Z", "running", null, "p");
        change("r-b", r -> r.put(RunMeta.ESCALATED_TO, "r-c"));
        s = BatchState.read(store(), record);
        assertEquals("running", s.tasks().get(1).state());
        assertEquals(List.of(RunId.of("r-c")), s.unfinishedRuns());

        change("r-c", r -> r.put(RunMeta.STATUS, "finished").put(RunMeta.OUTCOME, "succeeded"));
        s = BatchState.read(store(), record);
        assertTrue(s.done() && s.succeeded());
        assertEquals("r-c", s.json().getAsJsonArray("tasks").get(1).getAsJsonObject().get("run_id").getAsString());
        assertEquals(2, s.json().getAsJsonArray("tasks").get(1).getAsJsonObject().getAsJsonArray("run_ids").size());
    }

    @Test
    void anEscalationThatCouldNotStartEndsTheTaskWithItsOwnResult() {
        RunFixtures.write(home, "r-b", "2026-01-01T00:00:01Z", "finished", "goal_not_met", "p");
        change("r-b", r -> r.put(RunMeta.BATCH_ESCALATE, "deep").put(RunMeta.FOLLOWUP_PROMPT, "finish it")
                .put(RunMeta.ENDED_AT, Instant.now().toString()).put(RunMeta.ESCALATION_ERROR, "refused: max_runs"));
        BatchState s = BatchState.read(store(), new BatchRecord("g", "-", List.of(new BatchRecord.Entry("b", "r-b", List.of()))));
        assertTrue(s.done());
        assertFalse(s.succeeded());
        assertEquals("goal_not_met", s.tasks().get(0).state());
        assertEquals(1, s.failed().size());
    }
}
