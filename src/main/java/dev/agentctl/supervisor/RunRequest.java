package dev.agentctl.supervisor;

import dev.agentctl.workspace.Profile;
import dev.agentctl.workspace.Project;

/**
 * Everything `start` and `resume` decided about a new run, validated, before anything is written. The prompt
 * is bytes: it reaches codex exactly as given, invalid UTF-8 included (never rewritten to U+FFFD).
 */
public record RunRequest(Project project, Profile profile, String title, byte[] prompt, String model, String sandbox,
        String runId, Long timeoutSeconds, String mode, String parentRunId, String resumeThreadId, boolean noTmux,
        String tmuxSession) {}
