package dev.agentctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package picture stays layered: every reference to another agentctl package points to a lower
 * layer (or the same one), so there is no cycle and nothing below the CLI reaches up into it.
 * References are read from the sources: imports and fully qualified names alike.
 */
class ArchitectureTest {
    /** Layers from the bottom; a package may use its own layer and those below. */
    static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("base", 0),
            Map.entry("store", 1), Map.entry("proc", 1),
            Map.entry("workspace", 2), Map.entry("agent", 2),
            Map.entry("run", 3), Map.entry("git", 3), Map.entry("tmux", 3), Map.entry("codex", 3), Map.entry("claude", 3),
            Map.entry("notify", 4), Map.entry("view", 4), Map.entry("usage", 4),
            Map.entry("lifecycle", 5),
            Map.entry("supervisor", 6), Map.entry("ops", 6), Map.entry("batch", 6), // ops: what a command and its MCP tool share
            Map.entry("offline", 7), Map.entry("mcp", 7),
            Map.entry("demo", 8),
            Map.entry("doctor", 9),
            Map.entry("cli", 10),
            Map.entry("", 11)); // Main

    private static final Path SOURCES = Paths.get("src/main/java/dev/agentctl");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.agentctl\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void everyPackageHasALayer() throws IOException {
        TreeSet<String> unknown = new TreeSet<>();
        for (Path f : sources()) {
            if (!LAYER.containsKey(packageOf(f))) unknown.add(packageOf(f));
        }
        assertEquals(new TreeSet<>(), unknown, "packages without a layer in ArchitectureTest.LAYER");
    }

    @Test
    void referencesOnlyPointDown() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path f : sources()) {
            String from = packageOf(f);
            Integer fromLayer = LAYER.get(from);
            if (fromLayer == null) continue;
            Matcher m = REFERENCE.matcher(Files.readString(f));
            while (m.find()) {
                String to = m.group(1);
                Integer toLayer = LAYER.get(to);
                if (to.equals(from) || toLayer == null) continue;
                if (toLayer > fromLayer || toLayer.equals(fromLayer)) {
                    upward.add(SOURCES.relativize(f) + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), upward, "references that do not point to a lower layer");
    }

    @Test
    void sourceScanSeesTheTree() throws IOException {
        // Guards the test itself: run from the project root, it must find the packages it checks.
        Map<String, Integer> perPackage = new TreeMap<>();
        for (Path f : sources()) perPackage.merge(packageOf(f), 1, Integer::sum);
        assertTrue(perPackage.keySet().containsAll(List.of("base", "cli", "lifecycle", "supervisor", "run")), perPackage.toString());
    }

    /** The top-level package under dev.agentctl ("cli" for cli.run too; "" for Main). */
    private static String packageOf(Path file) {
        Path rel = SOURCES.relativize(file.getParent());
        return rel.getNameCount() == 0 || rel.toString().isEmpty() ? "" : rel.getName(0).toString();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
