package dev.agentctl.run;

import com.google.gson.JsonObject;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Made-up runs for the benchmark and the start-up training: directories and meta.json files as
 * start and a supervisor leave them (through RunMeta's transitions, with a realistic amount of
 * text), created at times spaced back from now, so that a workspace can hold months of history.
 * They have no process. Finished ones worked in a worktree (the default isolation; the worktree is
 * not made). Queued ones wait in the queue, listed in the record of unfinished runs, each after the
 * one made before it and the first after the last: a loop that never resolves, so they stay waiting
 * without a slot or a supervisor until killed.
 */
public final class SyntheticRuns {
    private final RunStore store;

    public SyntheticRuns(RunStore store) {
        this.store = store;
    }

    /**
     * Makes count runs, the newest created now and each earlier one {@code every} before it, in the
     * given projects in turn; finished ones get {@code outcome}, or a mix of mostly succeeded when it
     * is null. Returns their ids, oldest first.
     */
    public List<RunId> make(int count, RunState state, Outcome outcome, List<String> projects, Duration every) {
        return make(count, state, outcome, projects, every, Instant.now());
    }

    /** As above, the newest created at the given time. */
    public List<RunId> make(int count, RunState state, Outcome outcome, List<String> projects, Duration every, Instant newest) {
        if (state == RunState.RUNNING) throw AgentctlException.usage("made-up runs cannot be running: they have no supervisor");
        List<RunId> ids = new ArrayList<>(count);
        List<Instant> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(newest.minus(every.multipliedBy(count - 1L - i)));
            ids.add(claim(created.get(i)));
        }
        for (int i = 0; i < count; i++) {
            RunMeta m = meta(i, ids.get(i), projects.get(i % projects.size()), created.get(i), state,
                    outcome != null ? outcome : mixed(i));
            if (state == RunState.QUEUED) {
                RunId before = ids.get((i + count - 1) % count);
                m.placeInQueue(null, 0, null, List.of(before), false, null);
                m.waitInQueue("after " + before + " (queued)");
            }
            store.writeUnforced(m);
        }
        if (state == RunState.QUEUED) {
            ActiveRuns active = new ActiveRuns(store);
            active.locked(() -> {
                active.add(ids);
                return null;
            });
        }
        return ids;
    }

    private RunId claim(Instant created) {
        LocalDateTime local = LocalDateTime.ofInstant(created, ZoneId.systemDefault());
        for (int attempt = 0; attempt < 100; attempt++) {
            RunId id = RunId.at(local);
            if (store.createDir(id)) {
                try {
                    AtomicFiles.createPrivate(store.dir(id).resolve("prompt.md"), ("made-up task for " + id + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw AgentctlException.failed("cannot write the prompt of " + id + ": " + e.getMessage(), e);
                }
                return id;
            }
        }
        throw AgentctlException.failed("could not find a free run id");
    }

    /** Eight in ten succeed, one does not meet its goal, one fails: what a busy workspace looks like. */
    private static Outcome mixed(int i) {
        switch (i % 10) {
            case 7: return Outcome.GOAL_NOT_MET;
            case 9: return Outcome.FAILED;
            default: return Outcome.SUCCEEDED;
        }
    }

    private RunMeta meta(int i, RunId id, String project, Instant created, RunState state, Outcome outcome) {
        Path dir = store.dir(id);
        String module = "module " + (i % 37);
        List<String> argv = List.of("/usr/local/bin/codex", "exec", "--json", "--skip-git-repo-check", "-C", "/srv/src/" + project,
                "--dangerously-bypass-approvals-and-sandbox", "-m", "gpt-5.3-codex-spark", "-c", "model_reasoning_effort=\"low\"",
                "--output-schema", store.workspace().schemaFile().toString(), "-o", dir.resolve("last_message.json").toString(), "-");
        RunMeta m = RunMeta.queued(new NewRun(id, "made-up task " + i + ": tidy up " + module, project, Path.of("/srv/src", project),
                "spark", "gpt-5.3-codex-spark", "low", null, RunMode.EXEC, null, null, 1800L, "tmux", "ai", argv, "codex"), created);
        if (state == RunState.QUEUED) return m;
        m.placeInQueue(null, 0, null, List.of(), false, null);
        String base = "4f6c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e";
        Path worktree = store.workspace().worktreesDir().resolve(id.value());
        m.runInWorktree(worktree.toString(), worktree.toString(), "agentctl/" + id, base, null);
        m.launch();
        m.startRunning(100000L + i, created.toEpochMilli(), "%" + i);
        m.recordStartSnapshot(base, "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b");
        m.recordCodexProcess(200000L + i, created.toEpochMilli() + 500);
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", 20000 + i * 13);
        usage.addProperty("cached_input_tokens", 15000 + i * 7);
        usage.addProperty("output_tokens", 900 + i);
        usage.addProperty("reasoning_output_tokens", 300 + i);
        m.recordProgress("0199a0b1-" + id, usage);
        boolean goal = outcome == Outcome.SUCCEEDED;
        String summary = "Refactored the parser of " + module + " into smaller functions, added unit tests for the edge cases"
                + " around empty input and trailing separators, and updated the README section that describes the options.";
        String followup = "Run the integration tests of " + module + " against the staging data set and fix whatever the new parser breaks there.";
        String notes = "The old behaviour of silently dropping a trailing separator was relied on by two callers; both were updated.";
        m.recordResult(outcome == Outcome.FAILED ? 1 : 0, goal, summary, followup, notes);
        JsonObject last = new JsonObject();
        last.addProperty("goal_met", goal);
        last.addProperty("summary", summary);
        last.addProperty("followup_prompt", followup);
        last.addProperty("notes", notes);
        m.recordLastMessage(last, null);
        m.recordDiffStat(" src/parser.py       | 120 +++++++++++++++---------\n tests/test_parser.py |  64 +++++++++++++\n"
                + " README.md            |   9 +-\n 3 files changed, 150 insertions(+), 43 deletions(-)");
        m.recordHeadCommit("0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c");
        m.setOutcome(outcome, outcome == Outcome.SUCCEEDED || outcome == Outcome.GOAL_NOT_MET ? null : "made-up " + outcome.wire());
        m.finish();
        return m;
    }
}
