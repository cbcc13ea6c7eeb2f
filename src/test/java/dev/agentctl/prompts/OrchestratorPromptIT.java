package dev.agentctl.prompts;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * prompts/orchestrator.md used the way an orchestrator uses it: its "A session, step by step" block runs,
 * command by command in the order shown, with bash against the real codex and the offline model, and
 * every run ends as the prompt says it would, with the wake-ups typed into the registered pane.
 */
class OrchestratorPromptIT extends RealRunTest {
    static final String SECTION = "## A session, step by step";
    private static final String FOLLOWUP = "Add the example you left out (walkthrough follow-up).";

    static String sessionBlock() throws Exception {
        String md = Files.readString(TestEnv.ROOT.resolve("prompts/orchestrator.md"));
        int section = md.indexOf(SECTION);
        assertTrue(section >= 0, "orchestrator.md has '" + SECTION + "'");
        int open = md.indexOf("```sh\n", section);
        int close = md.indexOf("\n```\n", open);
        assertTrue(open > 0 && close > open, "a ```sh block follows " + SECTION);
        return md.substring(open + "```sh\n".length(), close + 1);
    }

    private static String result(boolean goalMet, String summary, String followup) {
        JsonObject o = new JsonObject();
        o.addProperty("goal_met", goalMet);
        o.addProperty("summary", summary);
        o.addProperty("followup_prompt", followup);
        o.addProperty("notes", "");
        return o.toString();
    }

    @Test
    void theSessionShownInThePromptWorksCommandByCommand() throws Exception {
        String block = sessionBlock();
        assertFalse(block.contains("PLACEHOLDER"), block);
        TestEnv.ok(env.agentctl(null, "add-project", "myapp", env.project.toString()));
        // The "document" task reports its goal not met; the resumed thread finishes it.
        env.model.setFinalMessage("Document the --verbose flag", result(false, "Documented it, without the example.", FOLLOWUP));
        env.model.setFinalMessage(FOLLOWUP, result(true, "Added the example.", ""));
        // The orchestrator's pane: what send-keys types into it lands in a file.
        Path typed = env.base.resolve("orchestrator-pane.txt");
        ProcResult pane = TestEnv.ok(env.tmux("new-session", "-d", "-s", "orchestrator", "-P", "-F", "#{pane_id}",
                "cat > '" + typed + "'"));
        String paneId = pane.out().strip();

        Map<String, String> shell = new HashMap<>(env.env());
        shell.put("PATH", TestEnv.ROOT.resolve("bin") + ":" + env.env().get("PATH"));
        shell.put("TMUX_PANE", paneId);
        List<String> argv = new ArrayList<>(List.of("bash", "-euo", "pipefail", "-c", block));
        ProcResult r = Procs.run(argv, env.project, shell, null, Duration.ofMinutes(4));
        assertEquals(0, r.exit(), "every command of the session succeeds: " + r);

        // In the order shown: projects lists myapp; outcome, error, goal_met, summary as the prompt says.
        List<String> out = r.out().lines().toList();
        assertTrue(out.get(0).startsWith("myapp\t"), r.out());
        assertTrue(out.contains("succeeded"), "show $a -f outcome: " + r.out());
        assertTrue(out.contains("false"), "show $b -f goal_met: " + r.out());
        assertTrue(out.contains("Added the example."), "show last -f summary after the resume: " + r.out());
        assertTrue(r.err().contains("no runs match"), "list --status running: nothing in flight: " + r.err());
        // diff and merge: the first run's change (the offline model's hello.txt) reached the project's checkout.
        assertTrue(r.out().contains("hello.txt"), "diff $a --stat names the file: " + r.out());
        assertTrue(Files.exists(env.project.resolve("hello.txt")), "merge $a brought the change into the checkout: " + r);

        List<String> ids = new ArrayList<>();
        try (var dirs = Files.list(env.home.resolve("runs"))) {
            dirs.filter(Files::isDirectory).forEach(d -> ids.add(d.getFileName().toString()));
        }
        assertEquals(3, ids.size(), "two starts and one resume: " + ids);
        JsonObject resumed = null;
        for (String id : ids) {
            JsonObject m = env.meta(id);
            assertEquals(paneId, m.get("notify_pane").getAsString(), "every run wakes the registered pane");
            if ("resume".equals(m.get("mode").getAsString())) resumed = m;
        }
        assertNotNull(resumed);
        assertEquals("succeeded", resumed.get("outcome").getAsString(), resumed.toString());
        Procs.await("three wake-ups in the orchestrator's pane", Duration.ofSeconds(20), () -> {
            try {
                return Files.exists(typed) && Files.readString(typed).split("\\[AI_ORCH DONE run_id=", -1).length - 1 == 3;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
