package dev.agentctl.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits with the real codex against the offline model, in tmux panes: an agent whose scripted turn runs
 * "$AGENTCTL" start from inside its run (depth, spawn rule, group tree), and a queued run that opens its own
 * pane when the run before it hands its slot on.
 */
class SpiralIT extends RealRunTest {
    @org.junit.jupiter.api.BeforeEach
    void plainLoginShell() throws Exception {
        // codex runs commands in a login shell, which reads the user's ~/.profile; a slow or stuck one there
        // (seen: a pyenv rehash waiting 60 s for a stale lock) must not decide these tests.
        env.env().put("HOME", Files.createDirectories(env.base.resolve("user-home")).toString());
    }

    private void orchestratorPane() {
        // Keeps the session (and so the private server) alive between runs.
        env.tmux("new-session", "-d", "-s", env.session, "-x", "200", "-y", "50", "cat");
    }

    @Test
    void runsStartedFromInsideARunAreItsChildrenAndTheDepthAndSpawnRulesHold() throws Exception {
        orchestratorPane();
        env.config(c -> {
            c.addProperty("isolation", "shared"); // the agents' files are read from the project's checkout
            c.addProperty("max_depth", 1);
            c.add("spawn_rules", JsonParser.parseString("{\"spark\": [\"spark\"]}"));
        });
        Path grandchild = Files.writeString(env.base.resolve("grandchild.md"), "A grandchild task\n");
        Path child = Files.writeString(env.base.resolve("child.md"), "A child task [[mock-cmd:\"$AGENTCTL\" start --title grandchild"
                + " --prompt-file " + grandchild + "; echo start-exit=$? > grandchild.exit]]\n");
        String parent = env.start("The parent [[mock-cmd:env | grep -c AGENTCTL_RUN_ID= > parent.env;"
                + " \"$AGENTCTL\" start --title wrong-profile --profile deep --prompt-file " + grandchild + " 2> refused.txt;"
                + " \"$AGENTCTL\" start --title child --prompt-file " + child + " > child.id]]", "--group", "tree", "--title", "parent");
        JsonObject p = env.waitFor(parent, "180s");
        assertEquals("succeeded", p.get("outcome").getAsString(), p.toString());
        assertEquals(0, p.get("depth").getAsInt());
        assertEquals("1", Files.readString(env.project.resolve("parent.env")).strip(), "codex saw AGENTCTL_RUN_ID");
        assertEquals("agentctl: refused: spawn_rules: a spark run may start only spark runs, not deep (parent " + parent + ")",
                Files.readString(env.project.resolve("refused.txt")).strip());
        String childId = Files.readString(env.project.resolve("child.id")).strip();
        JsonObject c = env.waitFor(childId, "180s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals(parent, c.get("spawned_by").getAsString());
        assertEquals(parent, c.get("parent_run_id").getAsString());
        assertEquals("tree", c.get("group").getAsString(), "the child inherits the group");
        assertEquals(1, c.get("depth").getAsInt());
        assertEquals("start-exit=1", Files.readString(env.project.resolve("grandchild.exit")).strip(), "depth 2 > max_depth 1");

        List<String> violations = Files.readAllLines(env.home.resolve("violations.jsonl"));
        assertEquals(2, violations.size(), violations.toString());
        JsonObject spawn = JsonParser.parseString(violations.get(0)).getAsJsonObject();
        assertEquals("spawn_rules", spawn.get("rule").getAsString());
        assertEquals(parent, spawn.get("parent_run_id").getAsString());
        assertEquals("wrong-profile", spawn.get("title").getAsString());
        JsonObject depth = JsonParser.parseString(violations.get(1)).getAsJsonObject();
        assertEquals("max_depth", depth.get("rule").getAsString());
        assertEquals(childId, depth.get("parent_run_id").getAsString());
        assertEquals("tree", depth.get("group").getAsString());
        assertEquals("refused: max_depth 1 reached (parent " + childId + " is at depth 1)", depth.get("message").getAsString());

        JsonObject show = JsonParser.parseString(TestEnv.ok(env.agentctl(null, "group", "show", "tree", "--json")).out()).getAsJsonObject();
        JsonArray tree = show.getAsJsonArray("tree");
        assertEquals(1, tree.size(), show.toString());
        assertEquals(parent, tree.get(0).getAsJsonObject().get("run_id").getAsString());
        JsonArray kids = tree.get(0).getAsJsonObject().getAsJsonArray("children");
        assertEquals(1, kids.size());
        assertEquals(childId, kids.get(0).getAsJsonObject().get("run_id").getAsString());
        assertEquals(2, show.getAsJsonObject("by_outcome").get("succeeded").getAsInt());
        assertEquals(2, show.get("violations").getAsInt());
        assertTrue(show.getAsJsonObject("tokens").get("input_tokens").getAsLong() > 0, show.toString());
        String text = TestEnv.ok(env.agentctl(null, "group", "show", "tree")).out();
        assertTrue(text.contains("  " + parent + " succeeded spark parent\n    └ " + childId + " succeeded spark"), text);
        JsonObject status = JsonParser.parseString(TestEnv.ok(env.agentctl(null, "status", "--json")).out()).getAsJsonObject();
        assertEquals(2, status.get("violations").getAsInt());
    }

    @Test
    void aQueuedRunOpensItsOwnPaneWhenTheRunBeforeItFinishes() throws Exception {
        orchestratorPane();
        env.config(c -> {
            c.addProperty("isolation", "shared"); // second.txt is read from the project's checkout
            c.addProperty("max_concurrent", 1);
        });
        TestEnv.ok(env.agentctl(null, "group", "create", "q", "--priority", "P1", "--description", "two in a row"));
        String first = env.start("First [[mock:slow]] [[mock-delay:3]]", "--group", "q");
        String second = env.start("Second [[mock-cmd:echo second > second.txt]]", "--group", "q");
        JsonObject queued = env.meta(second);
        assertEquals("queued", queued.get("status").getAsString());
        assertEquals("max_concurrent 1 reached (1 running)", queued.get("queued_reason").getAsString());
        ProcResult list = TestEnv.ok(env.agentctl(null, "list", "--group", "q"));
        assertEquals(2, list.out().lines().count(), list.out());
        JsonObject a = env.waitFor(first, "180s");
        JsonObject b = env.waitFor(second, "180s");
        assertEquals("succeeded", a.get("outcome").getAsString(), a.toString());
        assertEquals("succeeded", b.get("outcome").getAsString(), b.toString());
        assertFalse(Instant.parse(b.get("started_at").getAsString()).isBefore(Instant.parse(a.get("ended_at").getAsString())));
        assertFalse(b.get("pane_id").isJsonNull(), "the queued run ran in a pane, as asked");
        assertNotEquals(a.get("pane_id").getAsString(), b.get("pane_id").getAsString());
        assertTrue(Files.exists(env.project.resolve("second.txt")));
        String groups = TestEnv.ok(env.agentctl(null, "groups")).out();
        assertEquals("q\tP1\truns=2/25\trunning=0\tqueued=0\ttwo in a row", groups.strip());
    }
}
