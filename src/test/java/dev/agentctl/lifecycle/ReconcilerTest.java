package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static RunMeta meta(String status, String createdAt, Long pid, Long started) {
        return RawMeta.create().put("run_id", "r").put("status", status).put("created_at", createdAt)
                .put("supervisor_pid", pid).put("supervisor_started_at_ms", started).meta();
    }

    @Test
    void aRunWithALiveSupervisorIsNotLost() {
        ProcessIdentity self = ProcessIdentity.current();
        assertNull(Reconciler.lostReason(meta("running", "2026-01-01T00:00:00Z", self.pid(), self.startedAtMillis()), Instant.now()));
    }

    @Test
    void aReusedPidDoesNotKeepARunAlive() {
        ProcessIdentity self = ProcessIdentity.current();
        String why = Reconciler.lostReason(meta("running", "2026-01-01T00:00:00Z", self.pid(), self.startedAtMillis() + 5000), Instant.now());
        assertNotNull(why);
        assertTrue(why.contains("gone"), why);
    }

    /** A supervisor killed with -9 whose parent (here: exec'd sleep) never reaps it is a zombie: lost. */
    @Test
    void aDeadSupervisorThatNobodyReapedIsLost() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try {
            long pid = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().trim());
            ProcessIdentity sup = ProcessIdentity.of(ProcessHandle.of(pid).orElseThrow());
            RunMeta m = meta("running", "2026-01-01T00:00:00Z", sup.pid(), sup.startedAtMillis());
            assertNull(Reconciler.lostReason(m, Instant.now()));
            dev.agentctl.testing.Procs.await("supervisor a zombie", java.time.Duration.ofSeconds(10),
                    () -> ProcessIdentity.isZombie(pid));
            String why = Reconciler.lostReason(m, Instant.now());
            assertNotNull(why, "a zombie supervisor keeps nobody's run alive");
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void aRunPastItsDeadlineIsOverdueOnlyAfterAGracePeriod() {
        ProcessIdentity self = ProcessIdentity.current(); // running, not stopped: the longer grace
        RunMeta m = RawMeta.of(meta("running", "2026-01-01T00:00:00Z", self.pid(), self.startedAtMillis()))
                .put("started_at", "2026-01-01T00:00:00Z").put("timeout_s", 10).meta();
        Instant deadline = Instant.parse("2026-01-01T00:00:10Z");
        assertNull(Reconciler.overdueReason(m, deadline.plusSeconds(30)));
        assertTrue(Reconciler.overdueReason(m, deadline.plus(Reconciler.DEADLINE_GRACE_RUNNING).plusSeconds(1)).contains("deadline"));
        assertNull(Reconciler.overdueReason(RawMeta.of(m.copy()).put("timeout_s", (Number) null).meta(), deadline.plusSeconds(100_000)));
    }

    @Test
    void aQueuedRunGetsAGracePeriodForItsSupervisorToStart() {
        Instant now = Instant.parse("2026-01-01T00:01:00Z");
        assertNull(Reconciler.lostReason(meta("queued", "2026-01-01T00:00:30Z", null, null), now));
        assertEquals("supervisor never started", Reconciler.lostReason(meta("queued", "2026-01-01T00:00:00Z", null, null), now.plusSeconds(1)));
    }

    @Test
    void finishedRunsAreNeverLost() {
        assertNull(Reconciler.lostReason(meta("finished", "2020-01-01T00:00:00Z", 1L, 1L), Instant.now()));
    }

    @Test
    void aFollowUpWaitingForItsTurnIsNotLostHoweverOldButOnceLaunchedGetsTheGraceFromThen() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        RunMeta waiting = RawMeta.create().put("run_id", "f").put("status", "queued").put("created_at", "2026-01-01T00:00:00Z")
                .put("queued_at", "2026-01-01T00:00:00Z").put("mode", "followup").meta();
        assertTrue(waiting.isWaitingInQueue() && waiting.isFollowup());
        assertNull(Reconciler.lostReason(waiting, now), "waits for its parent, not for a supervisor");
        RunMeta launched = RawMeta.create().put("run_id", "f").put("status", "queued").put("created_at", "2026-01-01T00:00:00Z")
                .put("queued_at", "2026-01-01T00:00:00Z").put("mode", "followup").put("launched_at", "2026-01-01T09:59:30Z").meta();
        assertFalse(launched.isWaitingInQueue());
        assertNull(Reconciler.lostReason(launched, now), "launched 30 s ago: its supervisor may still be starting");
        assertEquals("supervisor never started", Reconciler.lostReason(launched, now.plusSeconds(31)));
    }
}
