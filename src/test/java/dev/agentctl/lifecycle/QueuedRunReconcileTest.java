package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run waiting for a slot has no supervisor on purpose; one launched has a grace period from its launch. */
class QueuedRunReconcileTest {
    private static RawMeta queued(String createdAt) {
        return RawMeta.create().put("run_id", "r").put("status", "queued").put("created_at", createdAt)
                .put("queued_at", createdAt);
    }

    @Test
    void aRunWaitingInTheQueueIsNeverLostHoweverLongItWaits() {
        RunMeta m = queued("2026-01-01T00:00:00Z").put("queued_reason", "max_concurrent 2 reached (2 running)").meta();
        assertTrue(m.isWaitingInQueue());
        assertFalse(m.holdsSlot());
        assertNull(Reconciler.lostReason(m, Instant.parse("2026-01-02T00:00:00Z")));
    }

    @Test
    void aLaunchedRunGetsItsGraceFromTheLaunchNotFromItsCreation() {
        RunMeta m = queued("2026-01-01T00:00:00Z").put("launched_at", "2026-01-01T01:00:00Z").meta();
        assertFalse(m.isWaitingInQueue());
        assertTrue(m.holdsSlot(), "a launched run holds its slot until it finishes");
        assertNull(Reconciler.lostReason(m, Instant.parse("2026-01-01T01:00:30Z")));
        assertEquals("supervisor never started", Reconciler.lostReason(m, Instant.parse("2026-01-01T01:01:01Z")));
    }

    @Test
    void aSupervisorRefusesARunThatHasNoSlotYet() {
        RunMeta waiting = queued("2026-01-01T00:00:00Z").meta();
        assertFalse(waiting.startRunning(1, 1, null));
        assertTrue(waiting.launch());
        assertFalse(waiting.launch(), "launched once");
        assertTrue(waiting.startRunning(1, 1, null));
    }
}
