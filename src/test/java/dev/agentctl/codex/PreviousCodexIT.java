package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.CodexBinary;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The previous tested codex still runs a turn and a resume; the current one is what every other test runs. */
class PreviousCodexIT extends RealRunTest {
    @Test
    void codex0169RunsATurnAndAResume() throws Exception {
        String previous = CodexBinary.previous();
        ProcResult version = Procs.run(List.of(previous, "--version"), env.base, env.env(), null, Duration.ofSeconds(60));
        assertEquals("codex-cli " + CodexBinary.PREVIOUS_VERSION, version.out().strip(), version.toString());
        env.config(c -> c.addProperty("codex_bin", previous));
        String parent = env.start("Try this [[mock:goal_not_met]]");
        JsonObject p = env.waitFor(parent, "120s");
        assertEquals("goal_not_met", p.get("outcome").getAsString(), p.toString());
        assertEquals(previous, p.getAsJsonArray("codex_argv").get(0).getAsString());
        String child = TestEnv.ok(env.agentctl(p.get("followup_prompt").getAsString(), "resume", "--parent-run-id", parent))
                .out().strip();
        JsonObject c = env.waitFor(child, "120s");
        assertEquals("succeeded", c.get("outcome").getAsString(), c.toString());
        assertEquals(p.get("thread_id").getAsString(), c.get("thread_id").getAsString(), "the same thread continues");
    }
}
