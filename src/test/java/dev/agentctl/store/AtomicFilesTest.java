package dev.agentctl.store;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void replacesContentAndLeavesNoTempFiles() throws Exception {
        Path f = dir.resolve("meta.json");
        AtomicFiles.write(f, "one".getBytes());
        AtomicFiles.write(f, "two".getBytes());
        assertEquals("two", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("meta.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void privateFilesAreOwnerOnly() throws Exception {
        Path f = dir.resolve("prompt.md");
        AtomicFiles.createPrivate(f, "secret".getBytes());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void readersNeverSeeHalfAFile() throws Exception {
        Path f = dir.resolve("meta.json");
        String big = "x".repeat(200_000);
        Json.writeAtomically(f, obj(big, 0));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    JsonObject o = Json.readObject(f);
                    assertEquals(big, o.get("payload").getAsString());
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 200; i++) Json.writeAtomically(f, obj(big, i));
        stop.set(true);
        reader.join();
        assertNull(failure.get(), () -> "reader saw a partial file: " + failure.get());
    }

    @Test
    void lockSerializesReadModifyWriteAcrossThreads() throws Exception {
        Path counter = dir.resolve("counter");
        Files.writeString(counter, "0");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try (FileLock l = FileLock.acquire(dir.resolve(".lock"))) {
                        int n = Integer.parseInt(Files.readString(counter));
                        AtomicFiles.write(counter, Integer.toString(n + 1).getBytes());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertEquals("400", Files.readString(counter));
    }

    @Test
    void corruptJsonIsNamed() throws Exception {
        Path f = dir.resolve("meta.json");
        Files.writeString(f, "{not json");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Json.readObject(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    private static JsonObject obj(String payload, int n) {
        JsonObject o = new JsonObject();
        o.addProperty("n", n);
        o.addProperty("payload", payload);
        return o;
    }
}
