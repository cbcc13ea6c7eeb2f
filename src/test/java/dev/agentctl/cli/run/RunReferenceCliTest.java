package dev.agentctl.cli.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.run.RunMeta;
import dev.agentctl.testing.RawMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show, wait and kill take abbreviated ids and `last`; show prints one field or JSON; wait --any one object. */
class RunReferenceCliTest {
    @TempDir Path home;

    @BeforeEach
    void runs() {
        RunMeta a = RunFixtures.write(home, "20260101-000000-14e068", "2026-01-01T00:00:00Z", "finished", "succeeded", "a");
        RunMeta b = RunFixtures.write(home, "20260102-000000-14f000", "2026-01-02T00:00:00Z", "finished", "failed", "b");
        RunStore store = new RunStore(new Workspace(home));
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", 120);
        RawMeta.of(a).put("summary", "wrote it").put("usage", usage).put("ended_at", "2026-01-01T00:05:00Z");
        RawMeta.of(b).put("ended_at", "2026-01-02T00:01:00Z").put("error", "turn failed: boom");
        store.write(a);
        store.write(b);
    }

    @Test
    void showTakesAPrefixOfTheRandomSuffixAndLast() {
        CliRun r = CliRun.run(home, "show", "14e");
        assertEquals(0, r.exit, r.toString());
        assertEquals("20260101-000000-14e068", JsonParser.parseString(r.out).getAsJsonObject().get("run_id").getAsString());
        assertEquals("20260102-000000-14f000\n", CliRun.run(home, "show", "last", "-f", "run_id").out);
        assertEquals("20260102-000000-14f000\n", CliRun.run(home, "show", "@", "--field", "run_id").out);
    }

    @Test
    void showJsonIsAcceptedAndFieldPrintsTextNumbersAndNothingForNull() {
        assertEquals(CliRun.run(home, "show", "14e068").out, CliRun.run(home, "show", "14e068", "--json").out);
        assertEquals("wrote it\n", CliRun.run(home, "show", "14e068", "-f", "summary").out);
        assertEquals("120\n", CliRun.run(home, "show", "14e068", "-f", "usage.input_tokens").out);
        assertEquals("\n", CliRun.run(home, "show", "14f", "-f", "summary").out);
        assertEquals("true\n", CliRun.run(home, "show", "14e", "-f", "goal_met").out);
        assertEquals(2, CliRun.run(home, "show", "14e", "-f", "usage..x").exit);
    }

    @Test
    void anAmbiguousPrefixListsCandidatesWithExit2() {
        CliRun r = CliRun.run(home, "show", "14");
        assertEquals(2, r.exit);
        assertEquals("", r.out);
        assertTrue(r.err.contains("20260101-000000-14e068") && r.err.contains("20260102-000000-14f000"), r.err);
        assertEquals(2, CliRun.run(home, "wait", "2026").exit);
        assertEquals(2, CliRun.run(home, "kill", "14").exit);
    }

    @Test
    void waitAnyPrintsTheOneRunThatEndedFirstAsAnObject() {
        CliRun r = CliRun.run(home, "wait", "14f", "14e", "--any");
        assertEquals(0, r.exit, r.toString());
        JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals("20260101-000000-14e068", o.get("run_id").getAsString());
        CliRun all = CliRun.run(home, "wait", "14f", "14e");
        assertTrue(JsonParser.parseString(all.out).isJsonArray(), all.out);
    }

    @Test
    void killTakesAPrefixAndLeavesFinishedRunsAlone() {
        CliRun r = CliRun.run(home, "kill", "14e0");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("20260101-000000-14e068: already finished"), r.out);
    }

    @Test
    void diffMergeDiscardAndStartAfterResolveReferencesToo() throws Exception {
        for (String[] args : new String[][] {{"diff", "14"}, {"merge", "14"}, {"discard", "14"},
                {"resume", "--parent-run-id", "14"}}) {
            CliRun r = CliRun.run(home, args);
            assertEquals(2, r.exit, String.join(" ", args) + ": " + r);
            assertTrue(r.err.contains("ambiguous"), String.join(" ", args) + ": " + r.err);
        }
        java.nio.file.Path project = java.nio.file.Files.createDirectories(home.resolve("p"));
        CliRun after = CliRun.run(home, project, "task", false, "start", "--after", "14", "--project", project.toString());
        assertEquals(2, after.exit, after.toString());
        assertTrue(after.err.contains("ambiguous"), after.err);
        assertEquals(1, after.err.strip().split("\n").length, "one line: " + after.err);
    }

    @Test
    void notifyPaneMustBeAPane() throws Exception {
        java.nio.file.Path project = java.nio.file.Files.createDirectories(home.resolve("p"));
        CliRun r = CliRun.run(home, project, "task", false, "start", "--notify-pane", "%1\u001b[2J", "--project", project.toString());
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("--notify-pane") && !r.err.contains("\u001b"), r.err);
    }
}
