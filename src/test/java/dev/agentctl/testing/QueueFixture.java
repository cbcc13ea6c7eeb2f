package dev.agentctl.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.agentctl.base.Io;
import dev.agentctl.lifecycle.Queue;
import dev.agentctl.lifecycle.RunFinalizer;
import dev.agentctl.notify.Notifier;
import dev.agentctl.proc.ProcessIdentity;
import dev.agentctl.run.ActiveRuns;
import dev.agentctl.run.NewRun;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunMode;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A workspace whose queue launches nothing: max_concurrent 1 and {@link #holdSlot} gives the one slot to a
 * run supervised by this JVM, so runs can be made, queued and released in-process without any agent running.
 * Agents: codex_bin a script that does nothing, claude_bin a path that does not exist (profile "cl").
 */
public final class QueueFixture {
    public final Path home;
    public final Path project;
    public final RunStore store;
    public final Config config;
    public final Map<String, String> env = new HashMap<>();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public QueueFixture(Path tmp, String extraConfig) throws IOException {
        home = tmp.resolve("home");
        Workspace ws = new Workspace(home).ensure();
        Path codex = tmp.resolve("fake-codex");
        Files.writeString(codex, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwx------"));
        JsonObject c = JsonParser.parseString(("{'codex_bin': '" + codex + "', 'claude_bin': '" + tmp.resolve("no-such-claude")
                + "', 'launcher': 'detached', 'max_concurrent': 1, 'profiles': {'spark': {'model': 'm'}, 'deep': {'model': 'm'},"
                + " 'cl': {'agent': 'claude'}}" + extraConfig + "}").replace('\'', '"')).getAsJsonObject();
        Files.writeString(ws.configFile(), c.toString());
        config = new Config(c);
        store = new RunStore(ws);
        project = GitRepo.withCommit(tmp.resolve("project"), "a.txt", "a\n").dir.toRealPath();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", tmp.toString());
    }

    public Io io() {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Io(InputStream.nullInputStream(), e, e, env, project, false);
    }

    public Notifier notifier() {
        return new Notifier(store.workspace(), config, env, problem -> { });
    }

    public Queue queue() {
        return new Queue(store, config, () -> new RunFinalizer(store, notifier()), env);
    }

    /** A new run waiting in the queue (shared, in the project), changed by more, listed as unfinished. */
    public RunMeta waiting(String name, String group, List<String> after, Consumer<RunMeta> more) {
        RunId id = RunId.of(name);
        store.createDir(id);
        RunMeta m = RunMeta.queued(new NewRun(id, "task " + name, "project", project, "spark", "m", null, "workspace-write",
                RunMode.EXEC, null, null, null, "detached", "agentctl", List.of("codex"), "codex"));
        m.placeInQueue(group, 0, null, ids(after.toArray(String[]::new)), false, null);
        m.runShared();
        more.accept(m);
        store.write(m);
        new ActiveRuns(store).locked(() -> {
            new ActiveRuns(store).add(List.of(id));
            return null;
        });
        return m;
    }

    /** A running run supervised by this JVM: it holds the workspace's only slot while the test lives. */
    public String holdSlot() {
        ProcessIdentity self = ProcessIdentity.current();
        waiting("slot-holder", null, List.of(), m -> {
            m.launch();
            m.startRunning(self.pid(), self.startedAtMillis(), null);
        });
        return "slot-holder";
    }

    public RunMeta read(String id) {
        return store.read(RunId.of(id));
    }

    public static List<RunId> ids(String... names) {
        return java.util.Arrays.stream(names).map(RunId::of).toList();
    }

    /** A process identity that is not alive: this JVM's pid with a start time it never had. */
    public static ProcessIdentity dead() {
        return new ProcessIdentity(ProcessHandle.current().pid(), 1);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
