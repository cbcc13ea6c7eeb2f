package dev.agentctl.offline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.testing.CodexBinary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One real {@code codex exec --json ... -} process with its output in files (so it is always drained). */
final class CodexExecRun implements AutoCloseable {
    private final Process process;
    private final Path dir;

    private CodexExecRun(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** A fresh directory under target/ (CODEX_HOME under /tmp makes codex warn, see codex-exec.md). */
    static Path newDirUnderTarget(String prefix) throws IOException {
        String root = System.getProperty("agentctl.root", System.getProperty("user.dir"));
        Path base = Path.of(root, "target", "it-offline");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    /** Starts codex in projectDir; resumeThreadId null for a new thread. The prompt goes on stdin, then EOF. */
    static CodexExecRun start(Path codexHome, Path projectDir, Path schemaFile, String prompt, String resumeThreadId)
            throws IOException {
        Path dir = newDirUnderTarget("run-");
        List<String> argv = new ArrayList<>(List.of(CodexBinary.path(), "exec", "--json", "--skip-git-repo-check",
                "--dangerously-bypass-approvals-and-sandbox", "-C", projectDir.toString(),
                "--output-schema", schemaFile.toString(), "-o", dir.resolve("last.json").toString()));
        if (resumeThreadId != null) {
            argv.add("resume");
            argv.add(resumeThreadId);
        }
        argv.add("-");
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectOutput(dir.resolve("stdout.jsonl").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("CODEX_HOME", codexHome.toString());
        Process process = pb.start();
        CodexExecRun run = new CodexExecRun(process, dir);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(prompt.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** The exit code, or empty when codex is still running at the deadline. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Exit code; fails the test with codex's output when it does not exit in time. */
    int exitCode(Duration timeout) throws InterruptedException {
        return awaitExit(timeout).orElseThrow(() -> new AssertionError("codex did not exit within " + timeout
                + "\n" + transcript()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout.jsonl"), StandardCharsets.UTF_8);
    }

    /** stdout and stderr, for assertion messages. */
    String transcript() {
        try {
            return "--- stdout\n" + stdout() + "--- stderr\n"
                    + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(codex output unreadable: " + e + ")";
        }
    }

    /** stdout events; non-JSON lines are skipped as agentctl's parser would. */
    List<JsonObject> events() throws IOException {
        List<JsonObject> events = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            try {
                JsonElement e = JsonParser.parseString(line);
                if (e.isJsonObject()) events.add(e.getAsJsonObject());
            } catch (RuntimeException ignored) {
                // not an event line
            }
        }
        return events;
    }

    Optional<JsonObject> event(String type) throws IOException {
        return events().stream().filter(e -> type.equals(stringOf(e, "type"))).findFirst();
    }

    /** The -o file, parsed as the result JSON. */
    JsonObject lastMessage() throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("last.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    static String stringOf(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** Kills codex and everything it started (the node wrapper, the native binary, its shells). */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add); // collect first: once the parent dies they are re-parented
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
    }
}
