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

    /** A child whose parent never reaps it: `sh` forks it, then becomes `sleep`, which never calls wait. */
    @Test
    void anUnreapedDeadProcessIsNotAlive() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try {
            long pid = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().trim());
            ProcessIdentity child = ProcessIdentity.of(ProcessHandle.of(pid).orElseThrow());
            assertTrue(child.isAlive());
            dev.agentctl.testing.Procs.await("child exited (zombie)", java.time.Duration.ofSeconds(10),
                    () -> ProcessIdentity.isZombie(pid));
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "still a pid: not reaped");
            assertFalse(child.isAlive(), "a zombie is dead");
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void unknownPartsMakeNoIdentity() {
        assertNull(ProcessIdentity.of(null, 5L));
        assertNull(ProcessIdentity.of(5L, null));
    }
}
