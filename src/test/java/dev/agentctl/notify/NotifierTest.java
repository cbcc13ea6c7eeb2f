package dev.agentctl.notify;

import dev.agentctl.testing.RawMeta;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierTest {
    @TempDir Path home;

    private static RunMeta finished(String id, String project, String summary) {
        return RawMeta.create().put("run_id", id).put("project", project).put("profile", "spark")
                .put("status", "finished").put("outcome", "succeeded").put("goal_met", true).put("exit_code", 0)
                .put("summary", summary).meta();
    }

    @Test
    void aProjectNamedWithNewlineTabAndEscapeStaysOneNotifyLogLine() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        new Notifier(ws, new Config(null), java.util.Map.of(), p -> fail(p)).recordFinished(finished("r1", "a\nb\tc\u001b[2Jd\u001b]0;t\u0007", "ok"));
        List<String> lines = Files.readAllLines(ws.notifyLog());
        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.get(0).contains("\u001b") || lines.get(0).contains("\t"), lines.get(0));
        assertTrue(lines.get(0).contains("proj=a b cd "), lines.get(0));
        JsonObject rec = JsonParser.parseString(Files.readAllLines(ws.notifyJsonl()).get(0)).getAsJsonObject();
        assertEquals("a\nb\tc\u001b[2Jd\u001b]0;t\u0007", rec.get("project").getAsString(), "JSON keeps the value, escaped");
    }

    @Test
    void notifyFilesArePrivateAndRecordsDoNotEmbedWholeSummaries() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        String big = "x".repeat(1_500_000);
        new Notifier(ws, new Config(null), java.util.Map.of(), p -> fail(p)).recordFinished(finished("r1", "p", big));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.notifyLog())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.notifyJsonl())));
        String line = Files.readString(ws.notifyJsonl());
        assertTrue(line.length() < 10_000, "record is " + line.length() + " characters");
        String summary = JsonParser.parseString(line).getAsJsonObject().get("summary").getAsString();
        assertEquals(Notifier.RECORD_TEXT_MAX, summary.length());
        assertTrue(summary.endsWith("…"));
    }

    @Test
    void notifyFilesRotateBySize() throws Exception {
        Workspace ws = new Workspace(home).ensure();
        Files.write(ws.notifyLog(), new byte[(int) NotifyFiles.ROTATE_BYTES]);
        new Notifier(ws, new Config(null), java.util.Map.of(), p -> fail(p)).recordFinished(finished("r2", "p", "s"));
        assertEquals(NotifyFiles.ROTATE_BYTES, Files.size(home.resolve("notify.log.1")));
        List<String> lines = Files.readAllLines(ws.notifyLog());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("done r2"), lines.get(0));
    }

    @Test
    void tailReadsAHugeFileInBlocksAndPrintsLinesSafely() throws Exception {
        Path log = home.resolve("notify.log");
        try (var out = Files.newOutputStream(log)) {
            byte[] filler = ("[t] filler line " + "y".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20_000; i++) out.write(filler);
            out.write("[t] one\u001b[31m red\u001b]0;title\u0007 line\n[t] two\n[t] half".getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new NotificationFollower(log, ps).run(2, false);
        assertEquals("[t] one red line\n[t] two\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
