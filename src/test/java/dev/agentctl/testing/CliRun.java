package dev.agentctl.testing;

import dev.agentctl.Main;
import dev.agentctl.base.Io;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs agentctl in this JVM with captured streams: for fast checks of parsing, output and exit codes. */
public final class CliRun {
    public final int exit;
    public final String out;
    public final String err;

    private CliRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    public static CliRun run(Path home, Path cwd, String stdin, boolean terminal, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AI_ORCH_HOME", home.toString());
        return run(env, cwd, stdin, terminal, args);
    }

    public static CliRun run(Map<String, String> env, Path cwd, String stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, cwd, terminal);
        int code = Main.run(args, io);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun run(Path home, String... args) {
        return run(home, home, null, false, args);
    }

    @Override
    public String toString() {
        return "exit=" + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
