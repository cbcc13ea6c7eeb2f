package dev.agentctl.run;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.AtomicFiles;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.FileLock;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The runs/ directory: one directory per run, meta.json written atomically and only under the run lock. */
public final class RunStore {
    public static final String META = "meta.json";

    private final Workspace workspace;

    public RunStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() { return workspace; }

    /** The run's directory; a RunId is checked when made, so no path ever escapes runs/. */
    public Path dir(RunId runId) {
        return workspace.runsDir().resolve(runId.value());
    }

    public Path metaFile(RunId runId) { return dir(runId).resolve(META); }
    public Path lockFile(RunId runId) { return dir(runId).resolve(".lock"); }

    /** Creates runs/<id>/ with mode 0700; false if the id is taken. */
    public boolean createDir(RunId runId) {
        try {
            Files.createDirectory(dir(runId), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_DIR));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw AgentctlException.failed("cannot create run directory " + dir(runId) + ": " + e.getMessage(), e);
        }
    }

    /** Reads meta.json; unknown ids are a usage error, a corrupt file is named. */
    public RunMeta read(RunId runId) {
        Path file = metaFile(runId);
        try {
            refuseSymlink(dir(runId));
            var json = Json.readObject(file);
            if (json == null) {
                throw AgentctlException.usage("unknown run id '" + runId + "'");
            }
            String problem = MetaShape.problem(runId.value(), json);
            if (problem != null) {
                throw AgentctlException.failed(file + " cannot be used: " + problem);
            }
            return new RunMeta(json);
        } catch (CorruptFileException e) {
            throw AgentctlException.failed(e.getMessage());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads meta.json or returns null when it is missing or not readable as JSON. */
    public RunMeta readQuietly(RunId runId) {
        try {
            return read(runId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * runs/<id> must be a directory of its own: a symlink would make show or kill write meta.json
     * and .lock wherever it points.
     */
    private static void refuseSymlink(Path dir) {
        if (Files.isSymbolicLink(dir)) {
            throw AgentctlException.failed("run directory " + dir + " is a symbolic link; refused");
        }
    }

    /** Writes meta.json; callers other than create hold the run lock (see {@link #update}). */
    public void write(RunMeta meta) {
        try {
            Json.writeAtomically(metaFile(meta.runId()), meta.json());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + metaFile(meta.runId()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A final meta written in two steps (callers hold the run lock): everything that can fail fails
     * in prepare; the caller acts on the write's success (a notification), then commits (a rename).
     */
    public AtomicFiles.Pending prepareWrite(RunMeta meta) {
        try {
            return Json.prepareAtomically(metaFile(meta.runId()), meta.json());
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + metaFile(meta.runId()) + ": " + e.getMessage(), e);
        }
    }

    public void commit(RunMeta meta, AtomicFiles.Pending pending) {
        try {
            pending.commit();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + metaFile(meta.runId()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes meta.json atomically but without forcing it to disk: only for made-up runs (bench and
     * start-up training workspaces), where thousands of forced writes would take minutes and a crash
     * loses nothing.
     */
    public void writeUnforced(RunMeta meta) {
        try {
            AtomicFiles.writeCache(metaFile(meta.runId()), (Json.pretty(meta.json()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw AgentctlException.failed("cannot write " + metaFile(meta.runId()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-reads meta under the run lock, lets the change decide (return false to leave it untouched),
     * and writes it. Every finalization goes through here, which makes it happen exactly once.
     * Returns the meta as written, or null when the change declined.
     */
    public RunMeta update(RunId runId, Predicate<RunMeta> change) {
        return locked(runId, () -> {
            RunMeta meta = read(runId);
            if (!change.test(meta)) {
                return null;
            }
            write(meta);
            return meta;
        });
    }

    /** Runs work while holding the run's lock (re-entrant within a thread). */
    public <T> T locked(RunId runId, Supplier<T> work) {
        refuseSymlink(dir(runId));
        try (FileLock ignored = FileLock.acquire(lockFile(runId))) {
            return work.get();
        } catch (IOException e) {
            throw AgentctlException.failed("cannot lock run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Ids of every directory under runs/ that looks like a run (unsorted); other names are skipped. */
    public List<RunId> ids() {
        List<RunId> ids = new ArrayList<>();
        if (!Files.isDirectory(workspace.runsDir())) return ids;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(workspace.runsDir())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                RunId id = name.startsWith(".") ? null : RunId.parse(name);
                if (id != null) ids.add(id);
            }
        } catch (IOException e) {
            throw AgentctlException.failed("cannot list " + workspace.runsDir() + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /** Removes a run directory that start could not complete, so nothing half-made is left. */
    public void deleteQuietly(RunId runId) {
        Path dir = dir(runId);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory may already be gone
        }
    }
}
