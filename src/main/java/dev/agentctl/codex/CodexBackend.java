package dev.agentctl.codex;

import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import java.util.List;
import java.util.Map;

/** OpenAI's codex CLI behind {@link AgentBackend}: `codex exec --json`, exactly as before there was a choice. */
public final class CodexBackend implements AgentBackend {
    /** The codex version agentctl is tested with; install hints name it. */
    public static final String TESTED_VERSION = "0.171.0";

    @Override
    public String name() {
        return Profile.CODEX;
    }

    @Override
    public String configuredBin(Config config) {
        return config.codexBin();
    }

    @Override
    public String binKey() {
        return "codex_bin";
    }

    @Override
    public String installHint() {
        return "npm install -g @openai/codex@" + TESTED_VERSION;
    }

    @Override
    public List<String> argv(AgentInvocation inv) {
        return CodexCommand.argv(new CodexInvocation(inv.bin(), inv.projectDir(), inv.model(), inv.reasoningEffort(),
                inv.sandbox(), List.of(), inv.schemaFile(), inv.lastMessageFile(), inv.resumeSessionId()));
    }

    @Override
    public Map<String, String> environment(Map<String, String> callerEnv, String sandbox) {
        return Map.copyOf(callerEnv);
    }

    @Override
    public AgentTurn newTurn() {
        return new CodexTurn();
    }

    @Override
    public List<String> sessionIdKeys() {
        return List.of("thread_id");
    }
}
