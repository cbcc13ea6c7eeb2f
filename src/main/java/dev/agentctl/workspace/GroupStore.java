package dev.agentctl.workspace;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** groups/NAME.json, one file per group, each rewritten atomically under the groups lock. */
public final class GroupStore {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final Set<String> PRIORITIES = Set.of("P0", "P1", "P2", "P3");

    private final Workspace workspace;

    public GroupStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public Path dir() { return workspace.home().resolve("groups"); }

    public static String validateName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(".")) {
            throw AgentctlException.usage("invalid group name '" + name + "' (use [A-Za-z0-9._-]+)");
        }
        return name;
    }

    /** Whether the group existed (and so was updated) along with what it now is. */
    public record Saved(Group group, boolean updated) {}

    /** Creates the group, or changes the settings given (nulls leave a setting as it is). */
    public Saved create(String name, String description, String priority, Integer maxConcurrent, Integer maxRuns) {
        validateName(name);
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw AgentctlException.usage("--priority must be one of P0, P1, P2, P3, not '" + priority + "'");
        }
        boolean[] existed = {false};
        Group g = change(name, old -> {
            existed[0] = old.createdAt() != null && Files.exists(file(name));
            return new Group(name, description != null ? description : old.description(),
                    priority != null ? priority : old.priority(), maxConcurrent != null ? maxConcurrent : old.maxConcurrent(),
                    maxRuns != null ? maxRuns : old.maxRuns(), old.createdAt(), old.runsStarted());
        });
        return new Saved(g, existed[0]);
    }

    /**
     * Counts a new run against the group (created on first use); refused, with nothing changed, when the
     * group has had its maximum. The refusal names the limit.
     */
    public Group claimRun(String name, int defaultMaxRuns, java.util.function.Function<String, RuntimeException> refuse) {
        validateName(name);
        return change(name, g -> {
            int max = g.maxRunsOr(defaultMaxRuns);
            if (g.runsStarted() >= max) {
                throw refuse.apply("refused: group " + name + " max_runs " + max + " reached (" + g.runsStarted() + " runs)");
            }
            return g.withRunStarted(1);
        });
    }

    /** Gives back a run a start claimed and then could not make. */
    public void releaseRun(String name) {
        change(name, g -> g.withRunStarted(-1));
    }

    /** Deletes the group when no run counts against it (what a failed batch submission created); else nothing. */
    public void deleteIfUnused(String name) {
        validateName(name);
        try {
            Files.createDirectories(dir());
            try (FileLock ignored = FileLock.acquire(dir().resolve(".lock"))) {
                Group g = find(name);
                if (g != null && g.runsStarted() == 0) Files.deleteIfExists(file(name));
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot remove " + file(name) + ": " + e.getMessage(), e);
        }
    }

    /** Puts back the settings the group had (nulls included), keeping its count of runs as it is now. */
    public void restoreSettings(Group old) {
        change(old.name(), g -> new Group(g.name(), old.description(), old.priority(), old.maxConcurrent(), old.maxRuns(),
                g.createdAt(), g.runsStarted()));
    }

    /** The group, or null when it was never created. */
    public Group find(String name) {
        validateName(name);
        try {
            JsonObject o = Json.readObject(file(name));
            return o == null ? null : Group.fromJson(name, o);
        } catch (CorruptFileException e) {
            throw AgentctlException.failed(e.getMessage());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + file(name) + ": " + e.getMessage(), e);
        }
    }

    public Group require(String name) {
        Group g = find(name);
        if (g == null) throw AgentctlException.usage("unknown group '" + name + "'");
        return g;
    }

    /** Every group, by name. */
    public List<Group> list() {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir())) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir(), "*.json")) {
                for (Path p : ds) {
                    String f = p.getFileName().toString();
                    if (!f.startsWith(".")) names.add(f.substring(0, f.length() - ".json".length()));
                }
            } catch (IOException e) {
                throw AgentctlException.failed("cannot list " + dir() + ": " + e.getMessage(), e);
            }
        }
        names.sort(null);
        List<Group> out = new ArrayList<>();
        for (String n : names) {
            Group g = NAME.matcher(n).matches() ? find(n) : null;
            if (g != null) out.add(g);
        }
        return out;
    }

    private Path file(String name) { return dir().resolve(name + ".json"); }

    private Group change(String name, UnaryOperator<Group> how) {
        try {
            Files.createDirectories(dir());
            try (FileLock ignored = FileLock.acquire(dir().resolve(".lock"))) {
                Group old = find(name);
                if (old == null) old = new Group(name, null, null, null, null, Instant.now().toString(), 0);
                Group now = how.apply(old);
                Json.writeAtomically(file(name), now.toJson());
                return now;
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + file(name) + ": " + e.getMessage(), e);
        }
    }
}
