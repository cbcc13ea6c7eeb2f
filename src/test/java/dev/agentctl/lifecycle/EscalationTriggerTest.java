package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.QueueFixture;
import dev.agentctl.testing.RawMeta;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue as the escalation's second trigger, when the run's supervisor died before starting it. */
class EscalationTriggerTest {
    @TempDir
    Path tmp;
    QueueFixture f;

    @BeforeEach
    void workspace() throws Exception {
        f = new QueueFixture(tmp, "");
        f.holdSlot(); // nothing launches: what the queue decides stays visible
    }

    /** Task lint's run, ended goal_not_met with a follow-up, its supervisor being `supervisor`; then report, after it. */
    private void lintEndedAndReportWaiting(ProcessIdentity supervisor, String escalate) {
        f.waiting("r-lint", "g", List.of(), m -> {
            m.joinBatch("lint", Map.of(), escalate);
            m.launch();
            m.startRunning(supervisor.pid(), supervisor.startedAtMillis(), null);
            m.recordResult(0, false, "half done", "finish the lint fixes", null);
            m.setOutcome(Outcome.GOAL_NOT_MET, null);
            m.finish();
        });
        f.waiting("r-report", "g", List.of("r-lint"), m -> m.joinBatch("report", Map.of("lint", "r-lint"), null));
    }

    private List<String> runsResuming(String parent) {
        return f.store.ids().stream().filter(id -> RunId.of(parent).equals(f.store.read(id).parentRunId()))
                .map(RunId::value).toList();
    }

    @Test
    void aPromoteStartsTheEscalationOfARunWhoseSupervisorDiedAndASecondPromoteStartsNoOther() {
        lintEndedAndReportWaiting(QueueFixture.dead(), "deep");

        f.queue().promote();
        f.queue().promote();

        List<String> escalated = runsResuming("r-lint");
        assertEquals(1, escalated.size(), escalated.toString());
        RunMeta e = f.read(escalated.get(0));
        assertEquals(e.runId(), f.read("r-lint").escalatedTo());
        assertEquals("deep", e.profile());
        assertEquals("resume", e.str(RunMeta.MODE));
        assertEquals("g", e.group());
        assertEquals("lint", e.batchTaskId());
        assertEquals("finish the lint fixes", new String(readPrompt(e.runId().value())));
        RunMeta report = f.read("r-report");
        assertTrue(report.isWaitingInQueue());
        assertEquals("after " + e.runId() + " (queued)", report.queuedReason());
    }

    @Test
    void aTaskNothingDependsOnIsEscalatedWhenItsRunIsPromoted() {
        f.waiting("r-leaf", "g", List.of(), m -> {
            m.joinBatch("leaf", Map.of(), "deep");
            m.recordResult(0, false, "half done", "go on", null);
            m.setOutcome(Outcome.GOAL_NOT_MET, null);
            m.finish(); // never had a supervisor at all
        });
        f.queue().promote();
        assertNull(f.read("r-leaf").escalatedTo(), "a plain promote looks only at what waiting runs wait for");

        f.queue().promote(QueueFixture.ids("r-leaf"));
        f.queue().promote(QueueFixture.ids("r-leaf"));
        assertEquals(1, runsResuming("r-leaf").size());
    }

    @Test
    void whileItsSupervisorLivesTheQueueLeavesTheEscalationToItAndDependentsWaitHoweverLong() {
        lintEndedAndReportWaiting(ProcessIdentity.current(), "deep");
        RunMeta lint = f.read("r-lint");
        RawMeta.of(lint).put(RunMeta.ENDED_AT, Instant.now().minusSeconds(3600).toString());
        f.store.write(lint);

        f.queue().promote();

        assertEquals(List.of(), runsResuming("r-lint"));
        RunMeta report = f.read("r-report");
        assertTrue(report.isWaitingInQueue(), report.json().toString());
        assertEquals("after r-lint (escalating)", report.queuedReason());
    }

    @Test
    void anEscalationTheQueueCannotStartIsRecordedAndItsDependentsEnd() {
        lintEndedAndReportWaiting(QueueFixture.dead(), "gone"); // a profile removed from config.json since

        f.queue().promote();

        RunMeta lint = f.read("r-lint");
        assertNull(lint.escalatedTo());
        assertTrue(lint.escalationError() != null && lint.escalationError().contains("gone"), lint.json().toString());
        RunMeta report = f.read("r-report");
        assertEquals("failed", report.outcome());
        assertEquals("dependency lint goal_not_met", report.error());
    }

    private byte[] readPrompt(String runId) {
        try {
            return java.nio.file.Files.readAllBytes(f.store.dir(RunId.of(runId)).resolve("prompt.md"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
