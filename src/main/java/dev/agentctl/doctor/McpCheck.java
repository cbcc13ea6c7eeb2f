package dev.agentctl.doctor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.mcp.ProtocolVersions;
import dev.agentctl.lifecycle.SupervisorLauncher;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * `agentctl mcp` answers initialize and tools/list, started as an MCP client would start it. It gets a
 * throw-away workspace: doctor never creates or changes the user's, and neither request needs one.
 */
final class McpCheck implements Check {
    private static final long DEADLINE_SECONDS = 20;
    private static final String FIX = "run 'agentctl mcp' by hand and send it an initialize line; report the error it prints";

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path home = null;
        Process p = null;
        try {
            home = Files.createTempDirectory("agentctl-doctor-mcp-");
            List<String> argv = new ArrayList<>(SupervisorLauncher.selfArgv(ctx.env()));
            argv.addAll(List.of("--home", home.toString(), "mcp"));
            ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(ctx.env());
            p = pb.start();
            Process server = p;
            CompletableFuture<List<String>> replies = CompletableFuture.supplyAsync(() -> readLines(server, 2));
            try (OutputStream in = p.getOutputStream()) {
                in.write((initialize() + "\n" + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            List<String> lines = replies.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (lines.size() < 2) return fail("the server ended after " + lines.size() + " of 2 answers");
            String version = result(lines.get(0)).get("protocolVersion").getAsString();
            int tools = result(lines.get(1)).getAsJsonArray("tools").size();
            if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) return fail("the server did not end when its input closed");
            if (p.exitValue() != 0) return fail("the server exited with " + p.exitValue() + " when its input closed");
            return List.of(CheckResult.ok("mcp server", "agentctl mcp answers initialize (protocol " + version + ") and tools/list ("
                    + tools + " tools)"));
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("no answer to initialize and tools/list within " + DEADLINE_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (Exception e) {
            return fail("cannot talk to agentctl mcp: " + e.getMessage());
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            deleteQuietly(home);
        }
    }

    private static List<CheckResult> fail(String detail) {
        return List.of(CheckResult.fail("mcp server", detail, FIX));
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + ProtocolVersions.NEWEST + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"agentctl-doctor\",\"version\":\"1\"}}}";
    }

    /** The result of a reply line; a JSON-RPC error becomes an exception carrying its message. */
    private static JsonObject result(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        JsonElement error = o.get("error");
        if (error != null) throw new IllegalStateException("the server answered with an error: " + error);
        return o.getAsJsonObject("result");
    }

    private static List<String> readLines(Process p, int n) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < n && (line = r.readLine()) != null) lines.add(line);
            while (r.readLine() != null) {
                // drain until the server ends, so it never blocks on a full pipe
            }
        } catch (IOException e) {
            // the server went away; the caller reports how many answers came
        }
        return lines;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp directory left behind harms nothing
        }
    }
}
