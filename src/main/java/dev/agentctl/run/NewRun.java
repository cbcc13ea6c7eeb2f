package dev.agentctl.run;

import java.nio.file.Path;
import java.util.List;

/** Everything a queued run's meta.json records when it is created; codexArgv is the agent's argv, whichever agent. */
public record NewRun(RunId runId, String title, String project, Path projectDir, String profile, String model,
        String reasoningEffort, String sandbox, RunMode mode, RunId parentRunId, String resumeThreadId, Long timeoutSeconds,
        String launcher, String tmuxSession, List<String> codexArgv, String agent) {}
