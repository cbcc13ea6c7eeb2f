package dev.agentctl.codex;

import dev.agentctl.agent.AgentBackend;
import dev.agentctl.agent.AgentInvocation;
import dev.agentctl.agent.AgentTurn;
import dev.agentctl.workspace.Profile;
import java.util.List;
import java.util.Map;

/** OpenAI's codex CLI behind {@link AgentBackend}: `codex exec --json`, exactly as before there was a choice. */
public final class CodexBackend implements AgentBackend {
    @Override
    public String name() {
        return Profile.CODEX;
    }

    @Override
    public String binKey() {
        return "codex_bin";
    }

    @Override
    public String installHint() {
        return CodexVersion.INSTALL_HINT;
    }

    @Override
    public List<String> argv(AgentInvocation inv) {
        return CodexCommand.argv(new CodexInvocation(inv.bin(), inv.projectDir(), inv.model(), inv.reasoningEffort(),
                inv.sandbox(), List.of(), inv.schemaFile(), inv.lastMessageFile(), inv.resumeSessionId()));
    }

    @Override
    public List<String> withResumeSession(List<String> argv, String sessionId) {
        return CodexCommand.withResumeThread(argv, sessionId);
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
    public boolean callsThreadsSessions() {
        return false;
    }
}
