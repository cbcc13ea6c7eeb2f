package dev.agentctl.cli;

import dev.agentctl.run.RunId;
import dev.agentctl.testing.RawMeta;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input: one line on stderr naming the problem, a non-zero exit, nothing left behind. */
class ExitCodesTest {
    @TempDir Path home;

    private void assertUsage(CliRun r, String mentions) {
        assertEquals(2, r.exit, r.toString());
        assertEquals(1, r.err.strip().split("\n").length, "one line: " + r.err);
        assertTrue(r.err.contains(mentions), "stderr should mention '" + mentions + "': " + r.err);
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.run(home, "--version");
        assertEquals(0, v.exit);
        assertTrue(v.out.startsWith("agentctl "), v.out);
        for (String cmd : new String[] {"init", "add-project", "projects", "remove-project", "start", "wait", "show", "list",
                "resume", "tail", "kill", "reconcile"}) {
            CliRun h = CliRun.run(home, cmd, "--help");
            assertEquals(0, h.exit, cmd);
            assertTrue(h.out.contains("Example"), cmd + " --help shows an example");
            assertTrue(h.out.contains("Exit codes"), cmd + " --help lists exit codes");
        }
    }

    @Test
    void unknownCommandAndOption() {
        assertUsage(CliRun.run(home, "frobnicate"), "frobnicate");
        assertUsage(CliRun.run(home, "list", "--bogus"), "--bogus");
    }

    @Test
    void showRefusesBadAndUnknownIds() {
        assertUsage(CliRun.run(home, "show", "../../etc"), "bad run id");
        assertUsage(CliRun.run(home, "show", "a/b"), "bad run id");
        assertUsage(CliRun.run(home, "show", ""), "empty");
        assertUsage(CliRun.run(home, "show", "x".repeat(300)), "too long");
        assertUsage(CliRun.run(home, "show", "20990101-000000-000000"), "unknown run id");
        assertUsage(CliRun.run(home, "wait", "20990101-000000-000000"), "unknown run id");
    }

    @Test
    void showNamesACorruptMetaFile() throws Exception {
        Path dir = Files.createDirectories(home.resolve("runs/r1"));
        Files.writeString(dir.resolve("meta.json"), "[]");
        CliRun r = CliRun.run(home, "show", "r1");
        assertEquals(1, r.exit);
        assertTrue(r.err.contains(dir.resolve("meta.json").toString()), r.err);
    }

    @Test
    void showPrintsMeta() {
        RunFixtures.write(home, "r2", "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        CliRun r = CliRun.run(home, "show", "r2");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("\"run_id\": \"r2\""), r.out);
    }

    @Test
    void waitOnSeveralIdsPrintsAnArrayEvenWhenTheyRepeat() {
        RunFixtures.write(home, "r3", "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        CliRun r = CliRun.run(home, "wait", "r3", "r3");
        assertEquals(0, r.exit, r.toString());
        var arr = com.google.gson.JsonParser.parseString(r.out).getAsJsonArray();
        assertEquals(2, arr.size());
    }

    @Test
    void anAbsurdDurationIsAUsageErrorNotAnInternalOne() {
        RunFixtures.write(home, "r4", "2026-01-01T00:00:00Z", "running", null, "p");
        CliRun r = CliRun.run(home, "wait", "r4", "--timeout", "999999999m");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("too long"), r.err);
    }

    @Test
    void aWaitThatTimesOutExitsWithItsOwnCode() {
        RunFixtures.write(home, "r5", "2026-01-01T00:00:00Z", "queued", null, "p");
        dev.agentctl.run.RunStore store = new dev.agentctl.run.RunStore(new dev.agentctl.workspace.Workspace(home));
        store.update(RunId.of("r5"), m -> { RawMeta.of(m).put("created_at", dev.agentctl.run.RunMeta.now()); return true; });
        CliRun r = CliRun.run(home, "wait", "r5", "--timeout", "1");
        assertEquals(4, r.exit, r.toString());
        assertTrue(r.out.contains("\"wait_timed_out\": true"), r.out);
    }

    @Test
    void projectErrors() throws Exception {
        assertUsage(CliRun.run(home, "add-project", "bad/name", home.toString()), "bad project name");
        assertUsage(CliRun.run(home, "add-project", "p", home.resolve("missing").toString()), "does not exist");
        assertUsage(CliRun.run(home, "remove-project", "nope"), "unknown project");
        assertUsage(CliRun.run(home, "add-project", "p", home.toString(), "--default-profile", "nope"), "unknown profile");
        CliRun ok = CliRun.run(home, "add-project", "p", home.toString());
        assertEquals(0, ok.exit, ok.toString());
        assertTrue(ok.out.contains("added project p"));
        assertTrue(CliRun.run(home, "add-project", "p", home.toString()).out.contains("updated project p"));
    }

    @Test
    void corruptProjectsFileIsNamed() throws Exception {
        CliRun.run(home, "init");
        Files.writeString(home.resolve("projects.json"), "nope");
        CliRun r = CliRun.run(home, "projects");
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("projects.json"), r.err);
        assertEquals("nope", Files.readString(home.resolve("projects.json")));
    }

    @Test
    void initCreatesTheLayoutAndKeepsSettings() throws Exception {
        CliRun r = CliRun.run(home, "init");
        assertEquals(0, r.exit, r.toString());
        for (String f : new String[] {"config.json", "projects.json", "codex_output_schema.json", "runs"}) {
            assertTrue(Files.exists(home.resolve(f)), f);
        }
        Files.writeString(home.resolve("config.json"), "{\"codex_bin\": \"mine\"}");
        CliRun.run(home, "init");
        assertTrue(Files.readString(home.resolve("config.json")).contains("\"mine\""));
    }

    @Test
    void homeOptionWinsOverEnvironment(@TempDir Path other) {
        CliRun r = CliRun.run(home, "--home", other.toString(), "init");
        assertEquals(0, r.exit);
        assertTrue(Files.exists(other.resolve("config.json")));
        assertFalse(Files.exists(home.resolve("config.json")));
        CliRun r2 = CliRun.run(home, "list", "--home", other.toString());
        assertEquals(0, r2.exit, r2.toString());
    }
}
