package dev.agentctl.agent;

import java.nio.file.Path;

/**
 * Everything an agent's argv depends on.
 *
 * @param bin             the executable, absolute
 * @param sandbox         read-only | workspace-write | danger-full-access; null means no sandbox and no approvals
 * @param model           null or blank: the agent's default
 * @param reasoningEffort null or blank: the agent's default
 * @param schemaFile      the strict result schema (the workspace's codex_output_schema.json)
 * @param lastMessageFile where an agent that can write its final message to a file puts it
 * @param resumeSessionId null: a new session; otherwise the thread/session to continue
 */
public record AgentInvocation(String bin, Path projectDir, String model, String reasoningEffort, String sandbox,
        Path schemaFile, Path lastMessageFile, String resumeSessionId) {}
