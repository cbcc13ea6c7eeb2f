package dev.agentctl.supervisor;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.RealRunTest;
import dev.agentctl.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Text from users and models never reaches a shell, and round-trips intact. */
class HostileInputIT extends RealRunTest {
    private static final String EVIL = "x $(touch MARKER1) `touch MARKER2`; touch MARKER3 \"q\" 'a' && echo";

    @Test
    void hostileTitlesPromptsPathsAndProfilesAreNeverExecuted() throws Exception {
        Path evilProject = Files.createDirectories(env.base.resolve("proj $(touch MARKER4) ; 'q' \"d\""));
        TestEnv.ok(new ProcResult(new ProcessBuilder("git", "init", "-q").directory(evilProject.toFile()).start().waitFor(), "", ""));
        String profile = "p$(touch MARKER5);x";
        env.config(c -> {
            JsonObject p = new JsonObject();
            p.addProperty("reasoning_effort", "low");
            c.getAsJsonObject("profiles").add(profile, p);
        });
        String title = "title " + EVIL + "\nsecond line\u001b[31m";
        String prompt = "prompt " + EVIL + "\nmore\n[[mock-cmd:echo ok > ok.txt]]";
        String id = env.start(prompt, "--project", evilProject.toString(), "--title", title, "--profile", profile);
        JsonObject m = env.waitFor(id, "120s");
        assertEquals("succeeded", m.get("outcome").getAsString(), m.toString());
        assertEquals(title, m.get("title").getAsString());
        assertEquals(profile, m.get("profile").getAsString());
        assertEquals(evilProject.toRealPath().toString(), m.get("project_dir").getAsString());
        Path runDir = env.home.resolve("runs").resolve(id);
        assertEquals(prompt, Files.readString(runDir.resolve("prompt.md")));
        assertTrue(Files.exists(evilProject.resolve("ok.txt")), "codex worked in the hostile path");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir.resolve("prompt.md"))));
        try (Stream<Path> all = Stream.concat(Files.walk(env.base), Files.walk(TestEnv.ROOT, 1))) {
            assertEquals(0, all.filter(p -> p.getFileName().toString().matches("MARKER[1-5]")).count(), "nothing was executed");
        }
        String log = Files.readString(env.home.resolve("notify.log"));
        assertEquals(1, log.strip().split("\n").length, "one notification line: " + log);
        ProcResult list = TestEnv.ok(env.agentctl(null, "list"));
        assertEquals(1, list.out().strip().split("\n").length, "title stays on one list line: " + list.out());
    }
}
