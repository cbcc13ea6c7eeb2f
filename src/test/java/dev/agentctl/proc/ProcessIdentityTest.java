package dev.agentctl.proc;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
    @Test
    void thisProcessIsAlive() {
        assertTrue(ProcessIdentity.current().isAlive());
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheSameProcess() {
        ProcessIdentity self = ProcessIdentity.current();
        assertFalse(new ProcessIdentity(self.pid(), self.startedAtMillis() - 1000).isAlive());
    }

    @Test
    void aFinishedProcessIsNotAlive() throws Exception {
        Process p = new ProcessBuilder("true").start();
        ProcessIdentity id = ProcessIdentity.of(p.toHandle());
        p.waitFor();
        assertFalse(id.isAlive());
    }

    @Test
    void unknownPartsMakeNoIdentity() {
        assertNull(ProcessIdentity.of(null, 5L));
        assertNull(ProcessIdentity.of(5L, null));
    }
}
