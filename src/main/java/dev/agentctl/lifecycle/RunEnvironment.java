package dev.agentctl.lifecycle;

import dev.agentctl.run.RunMeta;
import dev.agentctl.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run's codex sees beyond the caller's environment: who it is (run id, group, depth), the workspace,
 * and the absolute path of agentctl. codex runs commands in a login shell that may reset PATH, so an agent
 * calls "$AGENTCTL" start …, and that start knows from these which run is starting it.
 */
public final class RunEnvironment {
    private RunEnvironment() {}

    /** @param launcherEnv an environment that may name the launcher script (the supervisor's own) */
    public static Map<String, String> forCodex(Map<String, String> callerEnv, Map<String, String> launcherEnv, RunMeta m,
            Path home) {
        Map<String, String> env = new LinkedHashMap<>(callerEnv);
        env.put(Admission.RUN_ID_ENV, m.runId().value());
        if (m.group() != null) {
            env.put(Admission.GROUP_ENV, m.group());
        } else {
            env.remove(Admission.GROUP_ENV);
        }
        env.put(Admission.DEPTH_ENV, Integer.toString(m.depth()));
        env.put(Workspace.HOME_ENV, home.toString());
        String launcher = launcherEnv.get(SupervisorLauncher.LAUNCHER_ENV);
        if (launcher == null) launcher = callerEnv.get(SupervisorLauncher.LAUNCHER_ENV);
        if (launcher != null && new File(launcher).canExecute()) env.put(Admission.SELF_ENV, launcher);
        return env;
    }
}
