package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.Io;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.Outcome;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follow-up queue's bookkeeping, without launching anything: order, --now, and what is not delivered. */
class FollowupsTest {
    @TempDir Path home;
    @TempDir Path project;
    private RunStore store;
    private Config config;
    private Followups followups;
    private Reconciler reconciler;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new RunStore(new Workspace(home).ensure());
        JsonObject c = new JsonObject();
        c.addProperty("codex_bin", "/bin/true"); // queued runs are never launched here
        c.addProperty("launcher", "detached");
        config = new Config(c);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, Map.of("PATH", "/usr/bin:/bin"), project, false);
        RunFinalizer finalizer = new RunFinalizer(store, new Notifier(store.workspace(), config, warnings::add));
        Followups[] f = new Followups[1];
        reconciler = new Reconciler(store, () -> finalizer, () -> f[0]);
        followups = f[0] = new Followups(store, config, io, () -> finalizer, () -> reconciler, warnings::add);
    }

    /** A run in progress, its supervisor alive (this JVM), so nothing reconciles it away. */
    private RunMeta running(String id) {
        ProcessIdentity self = ProcessIdentity.current();
        store.createDir(id);
        RunMeta m = RawMeta.create().put("run_id", id).put("status", "running").put("created_at", RunMeta.now())
                .put("project", "p").put("project_dir", project.toString()).put("profile", "spark").put("title", "work")
                .put("launcher", "detached").put("thread_id", "thread-1").put("supervisor_pid", self.pid())
                .put("supervisor_started_at_ms", self.startedAtMillis()).meta();
        store.write(m);
        return m;
    }

    private String send(String target, boolean now) {
        RunRequest req = RunRequest.followup(store.read(target), config, null, null, "more", null, false);
        return followups.queue(req, target, now);
    }

    private void finish(String id, Outcome outcome, String threadId) {
        store.write(RawMeta.of(store.read(id)).put("status", "finished").put("outcome", outcome.wire())
                .put("thread_id", threadId).meta());
    }

    @Test
    void messagesQueueBehindEachOtherAndNowGoesFirst() {
        running("20260101-000000-aaaaaa");
        String p = "20260101-000000-aaaaaa";
        String first = send(p, false);
        String second = send(p, false);
        RunMeta f = store.read(first);
        assertEquals("followup", f.mode());
        assertEquals(p, f.parentRunId());
        assertEquals(p, f.afterRunId());
        assertEquals(first, store.read(second).afterRunId());
        assertEquals(second, followups.deliverAfter(p), "a third message would wait for the second");
        assertTrue(f.isWaitingForTurn());
        assertTrue(reconciler.reconcile(f).isWaitingForTurn(), "still waiting while its run runs");
        assertEquals("work (follow-up)", f.title());

        String urgent = send(p, true);
        assertEquals(p, store.read(urgent).afterRunId());
        assertEquals(urgent, store.read(first).afterRunId(), "what waited for the run now waits for the urgent message");
        assertEquals(first, store.read(second).afterRunId());
        assertTrue(Files.exists(store.dir(urgent).resolve(CallerEnvironment.FILE)), "the sender's environment waits with it");
    }

    @Test
    void nothingIsDeliveredAfterALostRunAndTheChainBehindFailsToo() {
        String p = running("20260101-000000-bbbbbb").runId();
        String first = send(p, false);
        String second = send(p, false);
        finish(p, Outcome.LOST, "thread-1");
        RunMeta f = reconciler.reconcile(store.read(first));
        assertEquals("failed", f.outcome(), f.json().toString());
        assertEquals("not delivered: run " + p + " was lost", f.error());
        RunMeta s = store.read(second);
        assertEquals("failed", s.outcome(), "settled along with the first: " + s.json());
        assertEquals("not delivered: run " + p + " was lost", s.error(), "it would have continued the lost run's thread");
        assertNull(followups.deliverAfter(p), "the chain is over: a new message is a resume");
    }

    @Test
    void aKillRequestEndsAWaitingMessageAtOnce() throws Exception {
        String p = running("20260101-000000-cccccc").runId();
        String first = send(p, false);
        new StopRequest(Outcome.KILLED, "not needed").writeTo(store.dir(first));
        RunMeta f = reconciler.reconcile(store.read(first));
        assertEquals("killed", f.outcome());
        assertEquals("not needed", f.error());
        assertEquals("running", store.read(p).status(), "the run itself goes on");
    }

    @Test
    void aRunThatEndedWithoutAThreadCannotBeContinued() {
        String p = running("20260101-000000-dddddd").runId();
        String first = send(p, false);
        finish(p, Outcome.FAILED, null);
        followups.deliver(p);
        RunMeta f = store.read(first);
        assertEquals("failed", f.outcome());
        assertEquals("not delivered: run " + p + " ended without a codex thread", f.error());
        assertFalse(warnings.isEmpty());
    }
}
