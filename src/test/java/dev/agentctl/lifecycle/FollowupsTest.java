package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.Io;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages sent to runs, as the queue keeps them, without launching anything: order, --now, and what is not
 * delivered (a launch would need a real codex; SendIT covers delivery).
 */
class FollowupsTest {
    @TempDir Path home;
    @TempDir Path project;
    private RunStore store;
    private Config config;
    private Io io;
    private Followups followups;
    private Queue queue;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new RunStore(new Workspace(home).ensure());
        JsonObject c = new JsonObject();
        c.addProperty("codex_bin", "/bin/true"); // nothing is launched here
        c.addProperty("launcher", "detached");
        config = new Config(c);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        io = new Io(InputStream.nullInputStream(), sink, sink, Map.of("PATH", "/usr/bin:/bin"), project, false);
        followups = new Followups(store);
        queue = new Queue(store, config, this::finalizer, io.env());
    }

    private RunFinalizer finalizer() {
        return new RunFinalizer(store, new Notifier(store.workspace(), config, io.env(), warnings::add));
    }

    /** A run in progress, its supervisor alive (this JVM), so nothing reconciles it away. */
    private RunId running(String id) {
        ProcessIdentity self = ProcessIdentity.current();
        store.createDir(RunId.of(id));
        store.write(RawMeta.create().put("run_id", id).put("status", "running").put("created_at", RunMeta.now())
                .put("project", "p").put("project_dir", project.toString()).put("profile", "spark").put("title", "work")
                .put("launcher", "detached").put("thread_id", "thread-1").put("supervisor_pid", self.pid())
                .put("supervisor_started_at_ms", self.startedAtMillis()).meta());
        new dev.agentctl.run.ActiveRuns(store).addMissing(List.of(RunId.of(id)));
        return RunId.of(id);
    }

    private RunId send(RunId target, boolean now) {
        RunRequest req = RunRequest.followup(store.read(target), config, null, null, "more".getBytes(StandardCharsets.UTF_8),
                null, false);
        return followups.queue(target, now, after -> new RunStarter(store, config, io, () -> null)
                .start(req.withQueue(new QueueOptions(null, List.of(after), false, null, false))));
    }

    private void finish(RunId id, Outcome outcome, String threadId) {
        store.write(RawMeta.of(store.read(id)).put("status", "finished").put("outcome", outcome.wire())
                .put("thread_id", threadId).meta());
    }

    @Test
    void messagesQueueBehindEachOtherAndNowGoesFirst() {
        RunId p = running("20260101-000000-aaaaaa");
        assertEquals(p, followups.deliverAfter(p), "nothing waits yet: a message waits for the run itself");
        RunId first = send(p, false);
        RunId second = send(p, false);
        RunMeta f = store.read(first);
        assertEquals(RunMode.FOLLOWUP, f.mode());
        assertEquals(p, f.parentRunId());
        assertEquals(List.of(p), f.after());
        assertEquals(List.of(first), store.read(second).after());
        assertEquals(second, followups.deliverAfter(p), "a third message would wait for the second");
        assertTrue(f.isWaitingInQueue());
        queue.promote();
        assertTrue(store.read(first).isWaitingInQueue(), "still waiting while its run runs");
        assertEquals("after " + p + " (running)", store.read(first).queuedReason());
        assertEquals("work (follow-up)", f.title());

        RunId urgent = send(p, true);
        assertEquals(List.of(p), store.read(urgent).after());
        assertEquals(List.of(urgent), store.read(first).after(), "what waited for the run now waits for the urgent message");
        assertEquals(List.of(first), store.read(second).after());
        assertTrue(Files.exists(store.dir(urgent).resolve(CallerEnvironment.FILE)), "the sender's environment waits with it");
    }

    @Test
    void nothingIsDeliveredAfterALostRunAndTheChainBehindFailsToo() {
        RunId p = running("20260101-000000-bbbbbb");
        RunId first = send(p, false);
        RunId second = send(p, false);
        finish(p, Outcome.LOST, "thread-1");
        queue.promote();
        RunMeta f = store.read(first);
        assertEquals("failed", f.outcome(), f.json().toString());
        assertEquals("not delivered: run " + p + " was lost", f.error());
        RunMeta s = store.read(second);
        assertEquals("failed", s.outcome(), "settled along with the first: " + s.json());
        assertEquals("not delivered: run " + p + " was lost", s.error(), "it would have continued the lost run's thread");
        assertNull(followups.deliverAfter(p), "the chain is over: a new message is a resume");
    }

    @Test
    void aKilledWaitingMessageHandsItsPlaceToTheNextWhichStillWaitsForTheRun() {
        RunId p = running("20260101-000000-cccccc");
        RunId first = send(p, false);
        RunId second = send(p, false);
        RunMeta f = queue.killWaiting(first, "not needed");
        assertEquals("killed", f.outcome());
        assertEquals("not needed", f.error());
        queue.promote();
        assertEquals("running", store.read(p).status(), "the run itself goes on");
        RunMeta s = store.read(second);
        assertTrue(s.isWaitingInQueue(), "the message behind waits for the run, not for one that will never run: " + s.json());
        assertEquals("after " + p + " (running)", s.queuedReason());
        assertEquals(second, followups.deliverAfter(p), "the chain goes on past the killed message");
    }

    @Test
    void aRunThatEndedWithoutAThreadCannotBeContinued() {
        RunId p = running("20260101-000000-dddddd");
        RunId first = send(p, false);
        finish(p, Outcome.FAILED, null);
        queue.promote();
        RunMeta f = store.read(first);
        assertEquals("failed", f.outcome());
        assertEquals("not delivered: run " + p + " ended without a codex thread", f.error());
    }

    @Test
    void aMessageToAQueuedRunWaitsForItsFirstTurn() {
        store.createDir(RunId.of("20260101-000000-eeeeee"));
        RunMeta waiting = RawMeta.create().put("run_id", "20260101-000000-eeeeee").put("status", "queued")
                .put("created_at", RunMeta.now()).put("queued_at", RunMeta.now()).put("project", "p")
                .put("project_dir", project.toString()).put("profile", "spark").put("launcher", "detached").meta();
        store.write(waiting);
        assertTrue(waiting.isWaitingInQueue());
        RunId first = send(waiting.runId(), false);
        assertEquals(List.of(waiting.runId()), store.read(first).after());
        assertTrue(store.read(first).isWaitingInQueue());
    }

    @Test
    void aFinishedRunWithNothingWaitingTakesNoMessage() {
        RunId p = running("20260101-000000-ffffff");
        finish(p, Outcome.SUCCEEDED, "thread-1");
        assertNull(followups.deliverAfter(p));
        AgentctlException e = assertThrows(AgentctlException.class, () -> send(p, false));
        assertTrue(e.getMessage().contains("has finished meanwhile"), e.getMessage());
        assertEquals(1, store.ids().size(), "nothing was made");
    }
}
