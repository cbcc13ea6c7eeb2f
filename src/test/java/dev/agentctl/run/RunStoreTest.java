package dev.agentctl.run;

import dev.agentctl.testing.RawMeta;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.store.Json;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.ReadOnlyDir;
import dev.agentctl.testing.RunFixtures;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is its directory: metas that lie about it, symlinks and read-only workspaces never mislead a command. */
class RunStoreTest {
    @TempDir Path home;

    /** A running run whose supervisor is this JVM: alive, so nothing may mark it lost. */
    private void liveRun(String id) {
        RunFixtures.write(home, id, "2026-01-02T00:00:00Z", "running", null, "p");
        ProcessIdentity self = ProcessIdentity.current();
        new RunStore(new Workspace(home)).update(RunId.of(id), m -> {
            RawMeta.of(m).put("supervisor_pid", self.pid()).put("supervisor_started_at_ms", self.startedAtMillis());
            return true;
        });
    }

    @Test
    void aMetaThatNamesAnotherRunOrHasWrongTypesIsSkippedAndNeverActedOn() throws Exception {
        RunFixtures.write(home, "ok1", "2026-01-01T00:00:00Z", "finished", "succeeded", "p");
        liveRun("live1");
        // A copy of live1's directory whose supervisor is dead: reconciling it must not finalize live1.
        Path copy = Files.createDirectories(home.resolve("runs/copy1"));
        JsonObject m = Json.readObject(home.resolve("runs/live1/meta.json"));
        m.addProperty("supervisor_started_at_ms", 1);
        Json.writeAtomically(copy.resolve("meta.json"), m);
        Path typed = Files.createDirectories(home.resolve("runs/typed1"));
        Json.writeAtomically(typed.resolve("meta.json"), Json.parseObject(
                "{\"run_id\":\"typed1\",\"status\":{\"x\":1},\"supervisor_pid\":\"12\"}", "t"));
        Path badId = Files.createDirectories(home.resolve("runs/bad1"));
        Json.writeAtomically(badId.resolve("meta.json"), Json.parseObject("{\"run_id\":\"../x\",\"status\":\"running\"}", "t"));
        for (String[] args : new String[][] {{"list"}, {"list", "--json"}, {"reconcile"}}) {
            CliRun r = CliRun.run(home, args);
            assertEquals(0, r.exit, String.join(" ", args) + ": " + r);
            for (String bad : new String[] {"copy1", "typed1", "bad1"}) {
                assertEquals(1, r.err.lines().filter(l -> l.contains("run " + bad + ":")).count(), "one warning for " + bad + ": " + r.err);
            }
        }
        assertEquals("running", new RunStore(new Workspace(home)).read(RunId.of("live1")).status());
        assertEquals("running", Json.readObject(copy.resolve("meta.json")).get("status").getAsString());
        AgentctlException e = assertThrows(AgentctlException.class, () -> new RunStore(new Workspace(home)).read(RunId.of("copy1")));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void runsAndLocksArePrivateWhateverTheUmask() throws Exception {
        Workspace ws = new Workspace(home.resolve("fresh")).ensure();
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.runsDir())));
        RunFixtures.write(ws.home(), "r1", "2026-01-01T00:00:00Z", "running", null, "p");
        new RunStore(ws).update(RunId.of("r1"), m -> true);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ws.runsDir().resolve("r1/.lock"))));
    }

    @Test
    void aLockFileThatIsASymlinkIsNotFollowed(@TempDir Path elsewhere) throws Exception {
        RunFixtures.write(home, "r2", "2026-01-01T00:00:00Z", "running", null, "p");
        Path target = elsewhere.resolve("planted");
        Files.createSymbolicLink(home.resolve("runs/r2/.lock"), target);
        assertThrows(AgentctlException.class, () -> new RunStore(new Workspace(home)).update(RunId.of("r2"), m -> true));
        assertFalse(Files.exists(target), "nothing created through the link");
    }

    @Test
    void aRunDirectoryThatIsASymlinkIsRefused(@TempDir Path elsewhere) throws Exception {
        RunFixtures.write(home, "real1", "2026-01-01T00:00:00Z", "running", null, "p");
        Path outside = Files.createDirectories(elsewhere.resolve("outside"));
        Files.move(home.resolve("runs/real1/meta.json"), outside.resolve("meta.json"));
        Files.delete(home.resolve("runs/real1"));
        Files.createSymbolicLink(home.resolve("runs/link1"), outside);
        JsonObject m = Json.readObject(outside.resolve("meta.json"));
        m.addProperty("run_id", "link1");
        Json.writeAtomically(outside.resolve("meta.json"), m);
        String before = Files.readString(outside.resolve("meta.json"));
        for (String cmd : new String[] {"show", "kill"}) {
            CliRun r = CliRun.run(home, cmd, "link1");
            assertEquals(1, r.exit, r.toString());
            assertTrue(r.err.contains("symbolic link"), r.err);
        }
        assertEquals(before, Files.readString(outside.resolve("meta.json")));
        try (var s = Files.list(outside)) {
            assertEquals(1, s.count(), "no .lock, no request written outside the workspace");
        }
    }

    @Test
    void aReadOnlyWorkspaceStillListsAndWarnsOnce() throws Exception {
        RunFixtures.write(home, "dead1", "2026-01-01T00:00:00Z", "running", null, "p");
        RunFixtures.write(home, "dead2", "2026-01-01T00:00:01Z", "running", null, "p");
        RunFixtures.write(home, "done1", "2026-01-01T00:00:02Z", "finished", "succeeded", "p");
        Path runs = home.resolve("runs");
        try (ReadOnlyDir a = ReadOnlyDir.of(runs.resolve("dead1")); ReadOnlyDir b = ReadOnlyDir.of(runs.resolve("dead2"));
             ReadOnlyDir c = ReadOnlyDir.of(home)) {
            CliRun r = CliRun.run(home, "list", "--status", "lost");
            assertEquals(0, r.exit, r.toString());
            assertEquals(2, r.out.strip().split("\n").length, r.out);
            assertEquals(1, r.err.strip().split("\n").length, "warned once: " + r.err);
            assertTrue(r.err.contains("cannot record lost runs"), r.toString());
        }
        assertEquals("running", new RunStore(new Workspace(home)).read(RunId.of("dead1")).status(), "nothing was written");
    }
}
