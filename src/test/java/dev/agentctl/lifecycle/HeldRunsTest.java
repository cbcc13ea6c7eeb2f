package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.QueueFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's runs made held while it is submitted: never launched, released together, ended if the submitter dies. */
class HeldRunsTest {
    @TempDir
    Path tmp;
    QueueFixture f;

    @BeforeEach
    void workspace() throws Exception {
        f = new QueueFixture(tmp, "");
    }

    private void held(String id, ProcessIdentity by, List<String> after) {
        f.waiting(id, "g", after, m -> m.hold("batch g being submitted", by.pid(), by.startedAtMillis()));
    }

    @Test
    void aHeldRunWaitsWithASlotFreeAndOneWhoseSubmitterIsGoneEndsFailedWithoutStarting() {
        held("held-1", ProcessIdentity.current(), List.of());
        held("orphan-1", QueueFixture.dead(), List.of());

        f.queue().promote();

        RunMeta held = f.read("held-1");
        assertTrue(held.isHeld(), held.json().toString());
        assertNull(held.launchedAt(), "a free slot is not given to a held run");
        assertEquals("batch g being submitted", held.queuedReason());
        RunMeta orphan = f.read("orphan-1");
        assertEquals("failed", orphan.outcome());
        assertEquals(HeldRuns.SUBMISSION_DIED, orphan.error());
        assertNull(orphan.launchedAt());
        assertNull(orphan.str(RunMeta.STARTED_AT));
    }

    @Test
    void releasedRunsTakeTheirPlaceInTheQueueTogether() {
        f.holdSlot();
        held("held-1", ProcessIdentity.current(), List.of());
        held("held-2", ProcessIdentity.current(), List.of("held-1"));

        f.queue().release(QueueFixture.ids("held-1", "held-2"));

        RunMeta first = f.read("held-1");
        RunMeta second = f.read("held-2");
        assertFalse(first.isHeld());
        assertFalse(second.isHeld());
        assertNull(first.heldReason());
        assertTrue(first.isWaitingInQueue() && second.isWaitingInQueue());
        assertTrue(first.queuedReason().startsWith("max_concurrent 1 reached"), first.queuedReason());
        assertEquals("after held-1 (queued)", second.queuedReason());
        assertFalse(first.release(), "released once");
    }
}
