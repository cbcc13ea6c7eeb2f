package dev.agentctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bin/agentctl finds the command name in shell (it picks a class-data archive before Java starts);
 * CommandRegistry finds it in Java. The shell loop is run here and must agree with the Java one.
 */
class CommandScanTest {
    @Test
    void theLauncherFindsTheSameCommandAsTheRegistry() throws Exception {
        String script = Files.readString(Path.of("bin/agentctl"), StandardCharsets.UTF_8);
        int from = script.indexOf("\ncommand=\n");
        int to = script.indexOf("\ndone\n", from);
        assertTrue(from > 0 && to > from, "the command scan in bin/agentctl");
        String scan = script.substring(from, to + 6) + "printf '%s' \"$command\"\n";
        String[][] cases = {
            {}, {"list"}, {"--home", "h", "show", "x"}, {"--home", "list", "wait", "a"}, {"--home"}, {"-V"},
            {"--version", "list"}, {"--home=h", "start"}, {"-x", "--home", "--home", "demo"}, {"--", "list"},
        };
        for (String[] args : cases) {
            List<String> argv = new ArrayList<>(List.of("sh", "-c", scan, "scan"));
            argv.addAll(List.of(args));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String shell = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            String java = CommandRegistry.commandNameIn(args);
            assertEquals(java == null ? "" : java, shell, String.join(" ", args));
        }
    }
}
