package dev.agentctl.claude;

import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.workspace.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds the headless Claude Code argv: `claude -p --output-format stream-json --verbose` (stream-json needs
 * --verbose), the prompt on stdin, the strict result schema through --json-schema. The working directory is
 * the project (the process's cwd): Claude Code has no -C.
 */
public final class ClaudeCommand {
    /** Tools that only read: all a read-only run is allowed (the rest is denied, nobody can approve it). */
    static final String READ_ONLY_TOOLS = "Read,Glob,Grep";
    static final String BYPASS = "bypassPermissions";
    /** Profile sandbox → permission mode; no sandbox (null) and full access bypass every check, as codex runs do. */
    private static final Map<String, String> PERMISSION_MODES = Map.of(
            "read-only", "default", "workspace-write", "acceptEdits", "danger-full-access", BYPASS);
    /** agentctl's efforts → Claude Code's --effort levels (it has no "minimal"). */
    private static final Map<String, String> EFFORTS = Map.of(
            "minimal", "low", "low", "low", "medium", "medium", "high", "high", "xhigh", "xhigh");
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private ClaudeCommand() {}

    /** The permission mode a sandbox setting means (null: none given). */
    static String permissionMode(String sandbox) {
        if (sandbox == null) return BYPASS;
        String mode = PERMISSION_MODES.get(sandbox);
        if (mode == null) {
            throw AgentctlException.usage("sandbox must be one of " + Profile.SANDBOXES + ", not '" + sandbox + "'");
        }
        return mode;
    }

    /** The argv for inv with schemaJson (one line of JSON) as the result schema. */
    public static List<String> argv(AgentInvocation inv, String schemaJson) {
        List<String> a = new ArrayList<>();
        a.add(Objects.requireNonNull(inv.bin(), "bin"));
        a.addAll(List.of("-p", "--output-format", "stream-json", "--verbose"));
        a.add("--json-schema");
        a.add(Objects.requireNonNull(schemaJson, "schemaJson"));
        if (!isBlank(inv.model())) {
            a.add("--model");
            a.add(inv.model());
        }
        if (!isBlank(inv.reasoningEffort())) {
            String effort = EFFORTS.get(inv.reasoningEffort());
            if (effort == null) throw AgentctlException.usage("invalid reasoning effort '" + inv.reasoningEffort() + "'");
            a.add("--effort");
            a.add(effort);
        }
        String mode = permissionMode(inv.sandbox());
        a.add("--permission-mode");
        a.add(mode);
        if ("read-only".equals(inv.sandbox())) {
            a.add("--allowedTools"); // one comma-separated word: the option takes a list and must not eat what follows
            a.add(READ_ONLY_TOOLS);
        }
        if (inv.resumeSessionId() != null) addResume(a, inv.resumeSessionId());
        return List.copyOf(a);
    }

    /** argv continuing sessionId instead of the session it named (if any). */
    public static List<String> withResume(List<String> argv, String sessionId) {
        List<String> a = new ArrayList<>(argv);
        int at = a.indexOf("--resume");
        if (at >= 0 && at + 1 < a.size()) a.subList(at, at + 2).clear();
        addResume(a, sessionId);
        return List.copyOf(a);
    }

    private static void addResume(List<String> a, String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw AgentctlException.usage("invalid Claude session id '" + sessionId + "'");
        }
        a.add("--resume");
        a.add(sessionId);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
