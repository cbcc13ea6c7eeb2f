package dev.agentctl.batch;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.GitRepo;
import dev.agentctl.testing.QueueFixture;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Group;
import dev.agentctl.workspace.GroupStore;
import dev.agentctl.workspace.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submission all or nothing, and a plan against its group's max_runs; nothing is launched (see QueueFixture). */
class BatchSubmitTest {
    @TempDir
    Path tmp;
    QueueFixture f;
    Project project;

    @BeforeEach
    void workspace() throws Exception {
        f = new QueueFixture(tmp, ", 'max_runs_per_group': 3");
        project = new Project("app", f.project, null, null, null);
        f.holdSlot();
    }

    private PlanTask task(String id, String profile, String isolation, String escalate, String... after) {
        return new PlanTask(id, id, ("do " + id).getBytes(StandardCharsets.UTF_8), project, f.config.profile(profile), null,
                isolation, List.of(after), escalate);
    }

    private BatchSubmit submitter() {
        return new BatchSubmit(f.store, f.config, f.io(), f::notifier, () -> {
            throw new AssertionError("nothing was launched, so there is nothing to kill");
        });
    }

    private List<String> runs() {
        return f.store.ids().stream().map(RunId::value).filter(id -> !id.equals("slot-holder")).toList();
    }

    private List<String> worktrees() throws Exception {
        try (Stream<Path> s = Files.list(Files.createDirectories(f.store.workspace().worktreesDir()))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    /** The third task's agent (claude) cannot be found: the start fails after two runs were made. */
    private Plan planFailingAtTheThirdTask(String group) {
        return new Plan(group, "three", 2, List.of(task("a", "spark", "worktree", null), task("b", "spark", "worktree", null, "a"),
                task("c", "cl", "shared", null)));
    }

    @Test
    void aStartThatFailsPartWayLeavesNoRunWorktreeBranchGroupOrRecord() throws Exception {
        BatchSubmit s = submitter();
        BatchSubmit.Prepared p = s.prepare(planFailingAtTheThirdTask("g"), "plan.json", null);
        List<String> madeBeforeFailing = new ArrayList<>();
        AgentctlException e = assertThrows(AgentctlException.class, () -> {
            try {
                s.submit(p);
            } finally {
                madeBeforeFailing.addAll(runs()); // after the rollback: should be none
            }
        });
        assertTrue(e.getMessage().contains("claude_bin"), e.getMessage());
        assertEquals(AgentctlException.Kind.USAGE, e.kind());

        assertEquals(List.of(), madeBeforeFailing);
        assertEquals(List.of(), worktrees());
        GitRepo repo = new GitRepo(f.project);
        assertEquals("", repo.git("branch", "--list", "agentctl/*"));
        assertEquals(1, repo.git("worktree", "list").lines().count());
        assertNull(new GroupStore(f.store.workspace()).find("g"));
        assertNull(BatchRecord.find(f.store.workspace(), "g"));
        assertFalse(Files.exists(BatchRecord.file(f.store.workspace(), "g")));
        List<String> active = new ActiveRuns(f.store).peek().stream().map(m -> m.runId().value()).toList();
        assertEquals(List.of("slot-holder"), active);
    }

    @Test
    void aResumeThatFailsPutsBackTheOldRecordAndTheGroupAsTheyWere() throws Exception {
        GroupStore groups = new GroupStore(f.store.workspace());
        groups.create("g", "before", "P1", 5, null);
        groups.claimRun("g", 10, RuntimeException::new);
        RunFixtures.write(f.home, "old-a", "2026-01-01T00:00:00Z", "finished", "failed", "app");
        BatchRecord old = new BatchRecord("g", "old.json", List.of(new BatchRecord.Entry("a", "old-a", List.of()),
                new BatchRecord.Entry("b", null, List.of("a")), new BatchRecord.Entry("c", null, List.of())));
        old.write(f.store.workspace());
        Group before = groups.find("g");

        BatchSubmit s = submitter();
        BatchSubmit.Prepared p = s.prepare(planFailingAtTheThirdTask(null), "plan.json", "g");
        assertThrows(AgentctlException.class, () -> s.submit(p));

        assertEquals(old, BatchRecord.find(f.store.workspace(), "g"));
        assertEquals(before, groups.find("g"));
        assertEquals(List.of("old-a"), runs());
        assertEquals(List.of(), worktrees());
    }

    @Test
    void aPlanNeedingMoreRunsThanTheGroupsOwnCapIsRefusedAtValidation() {
        new GroupStore(f.store.workspace()).create("small", null, null, null, 2);
        Plan plan = new Plan("small", null, null, List.of(task("a", "spark", "shared", "deep"), task("b", "spark", "shared", null)));
        AgentctlException e = assertThrows(AgentctlException.class, () -> submitter().prepare(plan, "plan.json", null));
        assertEquals(AgentctlException.Kind.USAGE, e.kind());
        assertEquals("group small has max_runs 2 but the batch needs up to 3 runs (2 tasks + 1 escalation); "
                + "raise it with: agentctl group create small --max-runs 3", e.getMessage());
        assertEquals(List.of(), runs());
    }

    @Test
    void aNewGroupGetsTheDefaultCapRaisedAndSaysSoInTheDryRunAndOnStderr() {
        Plan plan = new Plan("big", null, 2, List.of(task("a", "spark", "shared", "deep"), task("b", "spark", "shared", null),
                task("c", "spark", "shared", null, "a", "b")));
        BatchSubmit s = submitter();
        BatchSubmit.Prepared p = s.prepare(plan, "plan.json", null);
        String note = "group big: max_runs raised from 3 (max_runs_per_group) to 4 for the batch's runs (3 tasks + 1 escalation)";
        assertEquals(note, p.room().note());
        assertTrue(DryRun.text(p, f.config).contains("\n" + note + "\n"), DryRun.text(p, f.config));
        JsonObject json = DryRun.json(p, f.config);
        assertEquals(4, json.getAsJsonObject("max_runs").get("raised_to").getAsInt());
        assertEquals(List.of(), runs(), "a dry run makes nothing");

        BatchRecord r = s.submit(p);
        assertEquals("agentctl: note: " + note + "\n", f.err());
        assertEquals(4, new GroupStore(f.store.workspace()).find("big").maxRuns());
        assertEquals(3, runs().size());
        for (BatchRecord.Entry e : r.tasks()) {
            RunMeta m = f.read(e.runId());
            assertFalse(m.isHeld(), "released: " + m.json());
            assertTrue(m.isWaitingInQueue());
        }
    }

    @Test
    void theDryRunJsonIsThePlanInWaves() {
        Plan plan = new Plan(null, null, null, List.of(task("a", "spark", "shared", "deep"), task("b", "cl", null, null),
                task("c", "spark", "worktree", null, "a", "b")));
        JsonObject json = DryRun.json(submitter().prepare(plan, "plan.json", null), f.config);
        assertTrue(json.get("group").isJsonNull(), "a generated name is chosen at start");
        assertTrue(json.get("max_parallel").isJsonNull());
        assertEquals(2, json.getAsJsonArray("waves").size());
        JsonObject b = json.getAsJsonArray("waves").get(0).getAsJsonArray().get(1).getAsJsonObject();
        assertEquals("{\"id\":\"b\",\"project\":\"app\",\"profile\":\"cl\",\"agent\":\"claude\",\"isolation\":\"worktree\","
                + "\"after\":[],\"escalate\":null}", b.toString());
        JsonObject c = json.getAsJsonArray("waves").get(1).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("[\"a\",\"b\"]", c.get("after").toString());
        assertEquals("deep", json.getAsJsonArray("waves").get(0).getAsJsonArray().get(0).getAsJsonObject().get("escalate").getAsString());
    }
}
