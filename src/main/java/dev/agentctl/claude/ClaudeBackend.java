package dev.agentctl.claude;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.BuildInfo;
import dev.agentctl.workspace.OutputSchema;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Anthropic's Claude Code in headless mode (`claude -p`) behind {@link AgentBackend}. */
public final class ClaudeBackend implements AgentBackend {
    /** The Claude Code version agentctl is tested with (pom.xml's claude.version); install hints name it. */
    public static final String TESTED_VERSION = BuildInfo.testedClaudeVersion();

    @Override
    public String name() {
        return Profile.CLAUDE;
    }

    @Override
    public String binKey() {
        return "claude_bin";
    }

    @Override
    public String installHint() {
        return "npm install -g @anthropic-ai/claude-code@" + TESTED_VERSION;
    }

    @Override
    public List<String> argv(AgentInvocation inv) {
        return ClaudeCommand.argv(inv, schemaJson(inv.schemaFile()));
    }

    @Override
    public List<String> withResumeSession(List<String> argv, String sessionId) {
        return ClaudeCommand.withResume(argv, sessionId);
    }

    /**
     * Claude Code refuses bypassPermissions as root unless IS_SANDBOX=1; agentctl's runs are headless, so such a
     * run could never start. Running as root with no sandbox is what the profile asked for, as with codex.
     */
    @Override
    public Map<String, String> environment(Map<String, String> callerEnv, String sandbox) {
        Map<String, String> env = new HashMap<>(callerEnv);
        if (ClaudeCommand.BYPASS.equals(ClaudeCommand.permissionMode(sandbox)) && RootUser.isRoot()) {
            env.put("IS_SANDBOX", "1");
        }
        return env;
    }

    @Override
    public AgentTurn newTurn() {
        return new ClaudeTurn();
    }

    @Override
    public boolean callsThreadsSessions() {
        return true;
    }

    /** The workspace's schema as one line (it is an argument, not a file, for Claude Code); the built-in one if missing. */
    static String schemaJson(Path schemaFile) {
        try {
            if (schemaFile == null || !Files.exists(schemaFile)) return compact(OutputSchema.TEXT);
            return compact(Files.readString(schemaFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result schema " + schemaFile, e);
        }
    }

    private static String compact(String json) {
        JsonElement e;
        try {
            e = JsonParser.parseString(json);
        } catch (RuntimeException ex) {
            throw AgentctlException.usage("the result schema is not valid JSON: " + ex.getMessage());
        }
        return Json.compact(e);
    }
}
