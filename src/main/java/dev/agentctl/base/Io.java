package dev.agentctl.base;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** What a command may touch of the outside world; tests hand in their own. */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd, boolean terminal) {
    public static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), Paths.get("").toAbsolutePath(),
                System.console() != null);
    }
}
