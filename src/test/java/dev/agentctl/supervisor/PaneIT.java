package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Panes a person can read: titles in the borders, the structured result, room to read, no JVM left behind. */
class PaneIT extends RealRunTest {
    private String q(String target, String format) {
        return TestEnv.ok(env.tmux("display-message", "-p", "-t", target, format)).out().strip();
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }

    @Test
    void aFinishedPaneShowsTheResultAndItsTitleAndHoldsNoJvm() throws Exception {
        env.config(c -> c.addProperty("pane_linger", "120s"));
        String id = env.start("Work [[mock-cmd:echo hi > hi.txt]]", "--title", "readable");
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        String pane = m.get("pane_id").getAsString();

        Procs.await("the supervisor's JVM has left the pane", Duration.ofSeconds(30), () -> {
            long shell = Long.parseLong(q(pane, "#{pane_pid}"));
            return ProcessHandle.of(shell).map(h -> h.descendants().findAny().isEmpty()).orElse(false);
        });
        long shell = Long.parseLong(q(pane, "#{pane_pid}"));
        ProcessHandle h = ProcessHandle.of(shell).orElseThrow();
        assertFalse(h.info().command().orElse("").contains("java"), "the pane's process is not a JVM: " + h.info());
        assertTrue(rssKiB(shell) <= 2048, "a lingering pane costs at most 2 MiB: " + rssKiB(shell) + " KiB");

        assertEquals(id + " readable · succeeded", q(pane, "#{pane_title}"));
        assertEquals("top", q(pane, "#{pane-border-status}"), "the window agentctl created shows titles in its borders");
        String screen = TestEnv.ok(env.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", pane)).out();
        assertTrue(screen.contains("✅ succeeded · goal_met=true · exit 0"), screen);
        assertTrue(screen.contains("summary: Ran `echo hi > hi.txt` as asked."), screen);
        assertTrue(screen.contains("tokens: "), screen);
        assertTrue(screen.contains("(this pane closes in 120s; press Enter to close it now)"), screen);
        assertFalse(screen.contains("{\"goal_met\""), "no raw result JSON: " + screen);

        TestEnv.ok(env.tmux("send-keys", "-t", pane, "Enter"));
        Procs.await("Enter closes the pane", Duration.ofSeconds(10),
                () -> env.tmux("display-message", "-p", "-t", pane, "#{pane_id}").exit() != 0);
    }

    @Test
    void theLingeringPaneClosesAfterPaneLinger() throws Exception {
        env.tmux("new-session", "-d", "-s", "keep", "-x", "100", "-y", "30", "cat"); // keeps the server up
        env.config(c -> c.addProperty("pane_linger", "2s"));
        String id = env.start("Quick [[mock:goal_not_met]]");
        String pane = env.waitFor(id, "120s").get("pane_id").getAsString();
        Procs.await("the pane closes by itself", Duration.ofSeconds(30),
                () -> !env.tmux("list-panes", "-a", "-F", "#{pane_id}").out().contains(pane + "\n"));
    }

    @Test
    void aFullWindowOverflowsIntoANewWindowRatherThanShrinkingPanes() throws Exception {
        env.tmux("new-session", "-d", "-s", env.session, "-x", "160", "-y", "30", "cat");
        String window = q("=" + env.session + ":", "#{window_id}");
        env.config(c -> {
            c.addProperty("min_pane_height", 8);
            c.addProperty("pane_titles", true);
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(env.start("Wait [[mock:hang]]", "--title", "h" + i));
        ids.add(env.start("Wait [[mock:hang]]", "--title", "grouped", "--group", "grp"));
        ids.add(env.start("Wait [[mock:hang]]", "--title", "h4"));
        List<String> panes = new ArrayList<>();
        for (String id : ids) {
            Procs.await("pane of " + id, Duration.ofSeconds(60), () -> {
                try {
                    return !env.meta(id).get("pane_id").isJsonNull();
                } catch (Exception e) {
                    return false;
                }
            });
            panes.add(env.meta(id).get("pane_id").getAsString());
        }
        // 30 rows: three agents get 9 each; a fourth would get 6, so it opens a window of its own, named after its
        // group; the fifth, in no group, does not join that window but opens "agents".
        for (String p : panes.subList(0, 3)) {
            assertEquals(window, q(p, "#{window_id}"));
            assertTrue(Integer.parseInt(q(p, "#{pane_height}")) >= 8, q(p, "#{pane_height}"));
        }
        assertNotEquals(window, q(panes.get(3), "#{window_id}"));
        assertEquals("grp", q(panes.get(3), "#{window_name}"));
        assertNotEquals(window, q(panes.get(4), "#{window_id}"));
        assertEquals("agents", q(panes.get(4), "#{window_name}"));
        assertEquals("top", q(panes.get(0), "#{pane-border-status}"), "pane_titles: also in the window agentctl did not create");
        List<String> kill = new ArrayList<>(List.of("kill"));
        kill.addAll(ids);
        TestEnv.ok(env.agentctl(null, kill.toArray(String[]::new)));
    }
}
