package dev.agentctl.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentctl.codex.CodexVersion;
import dev.agentctl.cli.VersionProvider;
import dev.agentctl.testing.ProcResult;
import dev.agentctl.testing.Procs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs install.sh as a new user would (fresh HOME, no AI_ORCH_HOME, prefix not on PATH), then the
 * installed launcher, directly and through a symlink, then --uninstall.
 */
class InstallIT {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(6); // the CDS training runs are slow on a busy machine
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path root = Paths.get(System.getProperty("agentctl.root", ".")).toAbsolutePath();
    private final Path builtJar = Paths.get(System.getProperty("agentctl.jar", "target/agentctl.jar")).toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void installsRunsFromAnywhereAndUninstalls() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = userEnv(home, prefix);
        assertTrue(Files.isRegularFile(builtJar), "package the jar first: " + builtJar);

        Path npmLog = fakeNpm(env);
        ProcResult install = Procs.run(List.of("./install.sh", "--no-build", "--no-codex", "--prefix", prefix.toString()),
                root, env, null, INSTALL_TIMEOUT);
        assertEquals(0, install.exit(), install.toString());
        assertFalse(Files.exists(npmLog), "--no-codex: npm is not called");
        assertTrue(install.out().contains("skipped (--no-codex)") && install.out().contains("but not codex (--no-codex)"),
                install.toString());
        assertFalse(install.out().contains("Done:"), "no 'Done' without codex: " + install);
        assertTrue(install.out().contains(prefix.resolve("bin") + " is not on your PATH"), install.toString());

        Path launcher = prefix.resolve("bin/agentctl");
        Path share = prefix.resolve("share/agentctl");
        assertTrue(Files.isExecutable(launcher), "launcher installed");
        assertTrue(Files.isExecutable(prefix.resolve("bin/orch")), "orch installed");
        assertEquals(-1, Files.mismatch(builtJar, share.resolve("agentctl.jar")), "the built jar is installed");
        for (String f : List.of("config/spark.config.toml", "config/deep.config.toml", "config/review.config.toml",
                "config/agents-project.md", "prompts/orchestrator.md", "prompts/spark.md", "prompts/deep.md",
                "prompts/review.md")) {
            assertTrue(Files.isRegularFile(share.resolve(f)), "installed " + f);
        }
        Path config = home.resolve(".ai-orch/config.json");
        assertTrue(Files.isRegularFile(config), "install ran 'agentctl init' in $HOME/.ai-orch");

        String version = "agentctl " + VersionProvider.version();
        ProcResult direct = Procs.run(List.of(launcher.toString(), "--version"), tmp, env, null, COMMAND_TIMEOUT);
        assertEquals(0, direct.exit(), direct.toString());
        assertEquals(version, direct.out().strip(), "stdout carries the version and nothing else");

        Path archive = share.resolve("agentctl.jsa");
        if (Files.exists(archive)) {
            // -Xshare:on turns an archive the JVM would silently skip into a failure.
            Map<String, String> strict = new HashMap<>(env);
            strict.put("AGENTCTL_JAVA_OPTS", "-Xshare:on");
            ProcResult shared = Procs.run(List.of(launcher.toString(), "--version"), tmp, strict, null, COMMAND_TIMEOUT);
            assertEquals(0, shared.exit(), "the CDS archive is usable: " + shared);
        }

        deleteTree(home.resolve(".ai-orch"));
        ProcResult init = Procs.run(List.of(launcher.toString(), "init"), tmp, env, null, COMMAND_TIMEOUT);
        assertEquals(0, init.exit(), init.toString());
        assertTrue(Files.isRegularFile(config), "init creates " + config + "\n" + init);

        // Through a relative symlink into a chain ending at an absolute one, run from an unrelated cwd.
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/bin"));
        Files.createSymbolicLink(tmp.resolve("elsewhere/agentctl-abs"), launcher);
        Path link = Files.createSymbolicLink(elsewhere.resolve("agentctl"), Paths.get("../agentctl-abs"));
        Path cwd = Files.createDirectories(tmp.resolve("some/other/dir"));
        ProcResult viaLink = Procs.run(List.of(link.toString(), "--version"), cwd, env, null, COMMAND_TIMEOUT);
        assertEquals(0, viaLink.exit(), viaLink.toString());
        assertEquals(version, viaLink.out().strip());

        ProcResult uninstall = Procs.run(List.of("./install.sh", "--uninstall", "--prefix", prefix.toString()),
                root, env, null, INSTALL_TIMEOUT);
        assertEquals(0, uninstall.exit(), uninstall.toString());
        assertFalse(Files.exists(launcher), "launcher removed");
        assertFalse(Files.exists(prefix.resolve("bin/orch")), "orch removed");
        assertFalse(Files.exists(share), "share/agentctl removed");
        assertTrue(Files.isRegularFile(config), "the workspace is never removed");
    }

    @Test
    void withNpmInstallsTheTestedCodexIntoThePrefixWhereAgentctlFindsIt() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = userEnv(home, prefix);
        Path npmLog = fakeNpm(env);
        ProcResult install = Procs.run(List.of("./install.sh", "--no-build", "--prefix", prefix.toString()),
                root, env, null, INSTALL_TIMEOUT);
        assertEquals(0, install.exit(), install.toString());
        assertTrue(Files.readString(npmLog).contains("install --prefix " + prefix.toRealPath().resolve("share/agentctl/codex")
                + " --no-audit --no-fund --save-exact @openai/codex@" + CodexVersion.TESTED), Files.readString(npmLog));
        Path codex = prefix.resolve("share/agentctl/bin/codex");
        assertTrue(Files.isExecutable(codex), install.toString());
        assertEquals(Path.of("../share/agentctl/bin/codex"), Files.readSymbolicLink(prefix.resolve("bin/codex")));
        assertTrue(install.out().contains("Done: agentctl "), install.toString());
        assertFalse(install.out().contains("\u001b") || install.err().contains("\u001b"), "no colour codes: " + install);
        Path completion = prefix.resolve("share/bash-completion/completions/agentctl");
        assertTrue(Files.readString(completion).contains("complete -F"), "bash completion installed");
        assertTrue(install.out().contains("source <(agentctl completion zsh)"), "says how for zsh: " + install);

        // The installed agentctl finds that codex although it is not on PATH.
        ProcResult doctor = Procs.run(List.of(prefix.resolve("bin/agentctl").toString(), "doctor", "--no-live", "--json"),
                tmp, env, null, COMMAND_TIMEOUT);
        assertTrue(doctor.out().contains("\"check\": \"codex\",\n    \"status\": \"ok\",\n    \"detail\": \""
                + prefix.toRealPath().resolve("share/agentctl/bin/codex")), doctor.toString());

        ProcResult uninstall = Procs.run(List.of("./install.sh", "--uninstall", "--prefix", prefix.toString()),
                root, env, null, INSTALL_TIMEOUT);
        assertEquals(0, uninstall.exit(), uninstall.toString());
        assertFalse(Files.exists(prefix.resolve("bin/codex"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "codex link removed");
        assertFalse(Files.exists(completion), "completion removed");
    }

    @Test
    void withoutNpmItSaysExactlyWhatToRun() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = userEnv(home, prefix);
        env.put("PATH", pathWithout(env.get("PATH"), List.of("npm", "npx", "codex"), tmp.resolve("no-npm-bin")));
        ProcResult install = Procs.run(List.of("./install.sh", "--no-build", "--prefix", prefix.toString()),
                root, env, null, INSTALL_TIMEOUT);
        assertEquals(0, install.exit(), install.toString());
        assertTrue(install.err().contains("codex is not installed, and npm, which installs it, is not either. Run:"), install.toString());
        assertTrue(install.err().contains("    sudo apt-get install -y nodejs npm")
                && install.err().contains("    npm install -g @openai/codex@" + CodexVersion.TESTED + "\n"), install.toString());
        assertTrue(install.out().contains("but not codex (npm is not installed)"), install.toString());
        assertFalse(install.out().contains("Done:"), install.toString());
        assertFalse(Files.exists(prefix.resolve("bin/codex"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** An npm first on PATH that records its arguments and "installs" a codex reporting the tested version. */
    private Path fakeNpm(Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("fake-npm-bin"));
        Path log = tmp.resolve("npm.log");
        Path npm = bin.resolve("npm");
        Files.writeString(npm, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n"
                + "[ \"$1\" = install ] && [ \"$2\" = --prefix ] || exit 1\n"
                + "mkdir -p \"$3/node_modules/.bin\"\n"
                + "printf '#!/bin/sh\\n[ \"$1\" = --version ] && echo codex-cli " + CodexVersion.TESTED + "\\n' > \"$3/node_modules/.bin/codex\"\n"
                + "chmod +x \"$3/node_modules/.bin/codex\"\n");
        Files.setPosixFilePermissions(npm, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", bin + File.pathSeparator + pathWithout(env.get("PATH"), List.of("codex"), tmp.resolve("no-codex-bin")));
        return log;
    }

    /** A PATH of one directory linking every program of path except the named ones. */
    private static String pathWithout(String path, List<String> names, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d);
            if (!Files.isDirectory(p)) continue;
            try (var entries = Files.list(p)) {
                for (Path e : entries.toList()) {
                    String name = e.getFileName().toString();
                    Path link = dir.resolve(name);
                    if (names.contains(name) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                    if (Files.isExecutable(e) && !Files.isDirectory(e)) Files.createSymbolicLink(link, e.toAbsolutePath());
                }
            }
        }
        return dir.toString();
    }

    /** The test JVM's environment as a fresh user's: HOME in tmp, no AI_ORCH_HOME, prefix not on PATH. */
    private static Map<String, String> userEnv(Path home, Path prefix) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("AI_ORCH_HOME");
        env.remove("AGENTCTL_JAVA_OPTS");
        env.put("HOME", home.toString());
        String bin = prefix.resolve("bin").toString();
        String path = Arrays.stream(env.getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .filter(p -> !p.equals(bin))
                .collect(Collectors.joining(File.pathSeparator));
        env.put("PATH", path);
        return env;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
