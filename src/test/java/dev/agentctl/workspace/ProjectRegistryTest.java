package dev.agentctl.workspace;

import dev.agentctl.base.ExitCodes;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.base.AgentctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRegistryTest {
    @TempDir Path tmp;

    private ProjectRegistry registry() {
        return new ProjectRegistry(new Workspace(tmp.resolve("home")).ensure());
    }

    @Test
    void storesTheRealAbsolutePathAndUpdatesOnReAdd() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ProjectRegistry r = registry();
        assertFalse(r.add("app", link.toString(), null).updated());
        assertEquals(real.toRealPath(), r.find("app").dir());
        assertTrue(r.add("app", real.toString(), "deep").updated());
        assertEquals("deep", r.find("app").defaultProfile());
        assertEquals(1, r.list().size());
    }

    @Test
    void refusesBadNamesAndPaths() throws Exception {
        ProjectRegistry r = registry();
        Path file = Files.writeString(tmp.resolve("file"), "x");
        for (String bad : new String[] {"a/b", "", "x y", "$(touch m)", "a".repeat(101)}) {
            assertEquals(2, ExitCodes.of(assertThrows(AgentctlException.class, () -> r.add(bad, tmp.toString(), null)).kind()), bad);
        }
        assertTrue(assertThrows(AgentctlException.class, () -> r.add("a", tmp.resolve("missing").toString(), null))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(AgentctlException.class, () -> r.add("a", file.toString(), null))
                .getMessage().contains("not a directory"));
        assertTrue(r.list().isEmpty(), "nothing half-written");
    }

    @Test
    void resolvesNamesAndPathsAndRefusesUnknownNames() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        ProjectRegistry r = registry();
        r.add("proj", dir.toString(), null);
        assertEquals("proj", r.resolve("proj", tmp).name());
        assertEquals(dir.toRealPath(), r.resolve("./proj", tmp).dir());
        assertEquals(dir.toRealPath(), r.resolve(null, dir).dir());
        assertEquals(2, ExitCodes.of(assertThrows(AgentctlException.class, () -> r.resolve("nope", tmp)).kind()));
    }

    @Test
    void removeForgetsAndUnknownRemoveFails() throws Exception {
        ProjectRegistry r = registry();
        r.add("a", tmp.toString(), null);
        r.remove("a");
        assertTrue(r.list().isEmpty());
        assertEquals(2, ExitCodes.of(assertThrows(AgentctlException.class, () -> r.remove("a")).kind()));
    }

    @Test
    void concurrentAddsFromManyThreadsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            fs.add(pool.submit(() -> registry().add("p" + n, tmp.toString(), null)));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        assertEquals(50, registry().list().size());
    }
}
