package dev.agentctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentctl.proc.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a test's directory, driven with a fixed identity and no user configuration. */
public final class GitRepo {
    public final Path dir;

    public GitRepo(Path dir) {
        this.dir = dir;
    }

    /** git init + the given files + one commit. */
    public static GitRepo withCommit(Path dir, String... pathsAndTexts) throws IOException {
        GitRepo r = new GitRepo(Files.createDirectories(dir));
        r.git("init", "-q", "-b", "main");
        for (int i = 0; i < pathsAndTexts.length; i += 2) r.write(pathsAndTexts[i], pathsAndTexts[i + 1]);
        r.git("add", "-A");
        r.git("commit", "-q", "-m", "initial");
        return r;
    }

    public String git(String... args) {
        ProcessRunner.Result r = tryGit(args);
        assertEquals(0, r.exitCode(), "git " + String.join(" ", args) + ": " + r.stderr());
        return r.stdout().strip();
    }

    public ProcessRunner.Result tryGit(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString(),
                "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                "-c", "protocol.file.allow=always"));
        argv.addAll(List.of(args));
        return ProcessRunner.run(argv, null, Map.of("GIT_CONFIG_NOSYSTEM", "1"), Duration.ofSeconds(60));
    }

    public void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    public String read(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    public void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Everything about the checkout that a merge could change: HEAD, index, status, and every file's bytes. */
    public String state() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(git("rev-parse", "HEAD")).append('\n').append(git("ls-files", "-s")).append('\n')
                .append(git("status", "--porcelain", "--untracked-files=all")).append('\n');
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".git")).sorted().toList()) {
                sb.append(dir.relativize(p)).append(':').append(java.util.Arrays.hashCode(Files.readAllBytes(p))).append('\n');
            }
        }
        return sb.toString();
    }
}
