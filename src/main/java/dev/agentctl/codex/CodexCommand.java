package dev.agentctl.codex;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Builds the `codex exec` argv (codex-exec.md); the prompt always goes on stdin via the trailing "-". */
public final class CodexCommand {
    private static final Pattern EFFORT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern OVERRIDE = Pattern.compile("[A-Za-z0-9_\"][A-Za-z0-9_.\"-]*=.*", Pattern.DOTALL);
    private static final Pattern THREAD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private CodexCommand() {}

    /**
     * The argv for inv. Every option stands before `resume` because codex rejects --sandbox and -C after it.
     *
     * @throws AgentctlException (usage) for a sandbox, effort, override or thread id codex would misread
     */
    public static List<String> argv(CodexInvocation inv) {
        List<String> a = new ArrayList<>();
        a.add(Objects.requireNonNull(inv.codexBin(), "codexBin"));
        a.add("exec");
        a.add("--json");
        a.add("--skip-git-repo-check");
        a.add("-C");
        a.add(absolute(inv.projectDir(), "projectDir"));
        if (inv.sandbox() == null) {
            a.add("--dangerously-bypass-approvals-and-sandbox");
        } else {
            Profile.checkSandbox(inv.sandbox(), "sandbox");
            a.add("--sandbox");
            a.add(inv.sandbox());
        }
        if (!isBlank(inv.model())) {
            a.add("-m");
            a.add(inv.model());
        }
        if (!isBlank(inv.reasoningEffort())) {
            if (!EFFORT.matcher(inv.reasoningEffort()).matches()) {
                throw AgentctlException.usage("invalid reasoning effort '" + inv.reasoningEffort() + "'");
            }
            // -c values are TOML; a quoted string is unambiguous (a bare word only works through codex's fallback).
            a.add("-c");
            a.add("model_reasoning_effort=\"" + inv.reasoningEffort() + "\"");
        }
        for (String override : inv.configOverrides()) {
            if (override == null || !OVERRIDE.matcher(override).matches()) {
                throw AgentctlException.usage("codex config override must look like key=value, not '" + override + "'");
            }
            a.add("-c");
            a.add(override);
        }
        a.add("--output-schema");
        a.add(absolute(inv.schemaFile(), "schemaFile"));
        a.add("-o");
        a.add(absolute(inv.lastMessageFile(), "lastMessageFile"));
        if (inv.resumeThreadId() != null) {
            if (!THREAD_ID.matcher(inv.resumeThreadId()).matches()) {
                throw AgentctlException.usage("invalid codex thread id '" + inv.resumeThreadId() + "'");
            }
            a.add("resume");
            a.add(inv.resumeThreadId());
        }
        a.add("-");
        return List.copyOf(a);
    }

    /**
     * An argv made by {@link #argv} turned into one that continues threadId: any `resume ID` it had is
     * replaced. For a run whose thread is known only when its turn comes (a follow-up sent to a running run).
     */
    public static List<String> withResumeThread(List<String> argv, String threadId) {
        if (threadId == null || !THREAD_ID.matcher(threadId).matches()) {
            throw AgentctlException.usage("invalid codex thread id '" + threadId + "'");
        }
        if (argv.size() < 2 || !argv.get(argv.size() - 1).equals("-")) {
            throw new IllegalArgumentException("not an argv built by CodexCommand: " + argv);
        }
        List<String> a = new ArrayList<>(argv.subList(0, argv.size() - 1));
        int n = a.size();
        if (n >= 2 && a.get(n - 2).equals("resume")) {
            a.subList(n - 2, n).clear();
        }
        a.add("resume");
        a.add(threadId);
        a.add("-");
        return List.copyOf(a);
    }

    /** Absolute, so that codex's own -C cannot change what a relative path means. */
    private static String absolute(Path p, String what) {
        return Objects.requireNonNull(p, what).toAbsolutePath().toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
