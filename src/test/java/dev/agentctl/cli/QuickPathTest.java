package dev.agentctl.cli;

import dev.agentctl.base.Io;

import static org.junit.jupiter.api.Assertions.*;

import dev.agentctl.Main;
import dev.agentctl.cli.QuickArgs.Kind;
import dev.agentctl.cli.QuickArgs.Shape;
import dev.agentctl.testing.CliRun;
import dev.agentctl.testing.RunFixtures;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The quick path must build exactly the command picocli builds, or step aside. */
class QuickPathTest {
    private static final List<String> QUICK = List.of("show", "list", "wait", "start", "supervise", "status");

    @TempDir Path home;

    // ---- the shapes are the annotations ---------------------------------------------------------

    @Test
    void everyShapeIsTheCommandsPicocliModel() {
        for (String name : QUICK) {
            CommandSpec spec = picocli(name).getSubcommands().get(name).getCommandSpec();
            Map<String, Kind> options = new HashMap<>();
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                for (String n : o.names()) options.put(n, kind(o.type()));
            }
            Shape shape = ((QuickCommand) CommandRegistry.create(name)).quickShape();
            assertEquals(options, shape.options(), name + ": options");
            int min = 0;
            int max = 0;
            for (PositionalParamSpec p : spec.positionalParameters()) {
                min += p.arity().min();
                max = p.arity().max() == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + p.arity().max();
            }
            assertEquals(min, shape.minPositionals(), name + ": fewest positionals");
            assertEquals(max, shape.maxPositionals(), name + ": most positionals");
        }
    }

    private static Kind kind(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) return Kind.FLAG;
        if (type == int.class || type == Integer.class) return Kind.COUNT;
        assertEquals(String.class, type, "the quick path knows flags, counts and text only");
        return Kind.TEXT;
    }

    // ---- parsing: same fields, or no quick path --------------------------------------------------

    private static final List<String> VALUES = List.of("A", "20260101-000000-abcdef", "x y", "", "-", "--", "-x",
            "--bogus", "@args", "5", "05", "0", "-1", "+3", "2147483647", "99999999999", "0x10", "--limit=3",
            "--json=true", "show", "list", "wait", "start", "-h", "--help", "-V", "--version", "\"q\"", "'q'", "a=b",
            "é ✅", "true", "running", "--home", "/tmp/h", "~/x", "a\tb", "line\nbreak");

    @Test
    void whateverTheQuickPathAcceptsPicocliParsesToTheSameFields() throws Exception {
        Random random = new Random(42);
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            String name = QUICK.get(random.nextInt(QUICK.size()));
            List<String> pool = new ArrayList<>(((QuickCommand) CommandRegistry.create(name)).quickShape().options().keySet());
            pool.addAll(VALUES);
            List<String> args = new ArrayList<>();
            if (random.nextInt(4) == 0) args.addAll(List.of("--home", pick(random, VALUES)));
            if (random.nextInt(20) == 0) args.add(pick(random, VALUES));
            args.add(name);
            int len = random.nextInt(7);
            for (int i = 0; i < len; i++) args.add(random.nextInt(3) == 0 ? pick(random, VALUES) : pick(random, pool));
            if (assertSameAsPicocli(args.toArray(new String[0]))) accepted++;
        }
        assertTrue(accepted > 1000, "the quick path should take the plain shapes, took " + accepted);
    }

    @Test
    void theCommonCallsTakeTheQuickPath() throws Exception {
        String[][] common = {
            {"show", "20260101-000000-abcdef"},
            {"--home", "/tmp/ws", "show", "20260101-000000-abcdef"},
            {"show", "--home", "/tmp/ws", "20260101-000000-abcdef"},
            {"list"},
            {"list", "--json", "--limit", "10", "--status", "running", "--project", "myapp"},
            {"wait", "A", "B", "C", "--timeout", "30m", "--any", "--exit-status"},
            {"wait", "A", "--timeout", "5s", "B"},
            {"--home", "/tmp/ws", "supervise", "20260101-000000-abcdef"},
            {"--home", "/tmp/ws", "supervise", "--", "20260101-000000-abcdef"}, // as SupervisorLauncher writes it
            {"show", "--", "A"}, {"wait", "A", "--timeout", "5s", "--", "B", "C"},
            {"status", "--json"}, {"--home", "/tmp/ws", "status"},
            {"start", "--project", "myapp", "--title", "fix the parser", "--profile", "deep", "--timeout", "30m"},
            {"start", "--project", ".", "--prompt-file", "task.md", "--model", "m", "--sandbox", "read-only",
                "--run-id", "r1", "--tmux-session", "s", "--no-tmux", "--home", "/tmp/ws"},
        };
        for (String[] args : common) {
            assertTrue(assertSameAsPicocli(args), "quick path for " + Arrays.toString(args));
        }
        for (String[] args : new String[][] {{"list", "--limit=3"}, {"show"}, {"show", "A", "B"}, {"show", "--", "-A"},
                {"show", "--", "@A"}, {"show", "--", "--json"}, {"wait", "--", "A", "--timeout", "5s"},
                {"list", "--json", "--json"}, {"wait", "@ids"}, {"--home", "a", "--home", "b", "list"}, {"kill", "A"},
                {"list", "--limit", "-1"}, {"show", "-h"}, {"--version", "list"}}) {
            assertNull(QuickPath.parse(args, Io.system()), "picocli for " + Arrays.toString(args));
        }
    }

    /** True when the quick path took the arguments (and then built what picocli builds). */
    private static boolean assertSameAsPicocli(String[] args) throws Exception {
        Callable<Integer> quick = QuickPath.parse(args, Io.system());
        if (quick == null) return false;
        String name = CommandRegistry.commandNameIn(args);
        CommandLine cli = picocli(name);
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            fail("quick path took what picocli refuses: " + Arrays.toString(args) + ": " + e.getMessage());
            return true;
        }
        assertNotNull(parsed.subcommand(), Arrays.toString(args));
        Object fromPicocli = parsed.subcommand().commandSpec().userObject();
        assertEquals(fields(fromPicocli), fields(quick), Arrays.toString(args));
        return true;
    }

    private static CommandLine picocli(String name) {
        CommandLine cli = new CommandLine(new AgentctlCommand());
        CommandRegistry.addSubcommands(cli, name, Io.system());
        return cli;
    }

    /** Every option and parameter field (mixins' too), --home, and the top-level --home. */
    private static Map<String, Object> fields(Object command) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", command.getClass().getName());
        addFields(command, "", out);
        AgentctlCommand parent = (AgentctlCommand) ((BaseCommand) command).parent;
        out.put("parent.home", parent == null ? null : parent.home);
        return out;
    }

    private static void addFields(Object o, String prefix, Map<String, Object> out) throws IllegalAccessException {
        for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                f.setAccessible(true);
                if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                    out.put(prefix + c.getSimpleName() + "." + f.getName(), f.get(o));
                } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                    Object mixin = f.get(o);
                    assertNotNull(mixin, "mixin " + f.getName());
                    addFields(mixin, prefix + f.getName() + ".", out);
                }
            }
        }
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    // ---- running: same output, errors and exit codes ---------------------------------------------

    @Test
    void bothPathsPrintAndExitTheSame() {
        RunFixtures.write(home, "20260101-000000-aaaaaa", "2026-01-01T00:00:00Z", "finished", "succeeded", "alpha");
        RunFixtures.write(home, "20260102-000000-bbbbbb", "2026-01-02T00:00:00Z", "finished", "failed", "beta");
        String[][] calls = {
            {"--version"}, {"-V"},
            {"show", "20260101-000000-aaaaaa"}, {"show", "20990101-000000-000000"}, {"show", "a/b"}, {"show", "x".repeat(300)},
            {"list"}, {"list", "--json"}, {"list", "--limit", "1", "--status", "finished"}, {"list", "--status", "bogus"},
            {"list", "--project", "alpha", "--json"}, {"list", "--limit", "0"},
            {"wait", "20260101-000000-aaaaaa", "20260102-000000-bbbbbb"}, {"wait", "20260102-000000-bbbbbb", "--exit-status"},
            {"wait", "20260101-000000-aaaaaa", "--timeout", "soon"}, {"wait", "20990101-000000-000000"}, {"wait", "../x"},
            {"start", "--sandbox", "bogus", "--project", "."}, {"start", "--project", "no-such-project"},
            {"start", "--run-id", "a..b"}, {"start", "--timeout", "never", "--project", "."},
            {"--home", home.resolve("other").toString(), "list"},
        };
        for (String[] args : calls) {
            assertNotNull(QuickPath.parse(args, Io.system()), "quick path for " + Arrays.toString(args));
            CliRun quick = run(false, args);
            CliRun picocli = run(true, args);
            assertEquals(picocli.toString(), quick.toString(), Arrays.toString(args));
        }
    }

    private CliRun run(boolean noQuickPath, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AI_ORCH_HOME", home.toString());
        env.remove(Main.NO_QUICK_PATH_ENV);
        if (noQuickPath) env.put(Main.NO_QUICK_PATH_ENV, "1");
        return CliRun.run(env, home, "a prompt", false, args);
    }
}
