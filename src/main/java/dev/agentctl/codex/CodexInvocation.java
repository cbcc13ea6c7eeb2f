package dev.agentctl.codex;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the codex argv depends on.
 *
 * @param sandbox         read-only | workspace-write | danger-full-access; null means
 *                        --dangerously-bypass-approvals-and-sandbox
 * @param model           null or blank: codex's configured default
 * @param reasoningEffort null or blank: codex's configured default
 * @param configOverrides raw "key=value" values for -c (TOML value, may be empty)
 * @param resumeThreadId  null: a new thread; otherwise `exec resume <id>`
 */
public record CodexInvocation(String codexBin, Path projectDir, String model, String reasoningEffort, String sandbox,
        List<String> configOverrides, Path schemaFile, Path lastMessageFile, String resumeThreadId) {
    public CodexInvocation {
        configOverrides = configOverrides == null ? List.of() : List.copyOf(configOverrides);
    }
}
