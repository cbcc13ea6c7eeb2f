package dev.agentctl.testing;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunId;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStore;
import dev.agentctl.workspace.Workspace;
import java.nio.file.Path;

/** Writes run directories the way a finished or running run would leave them, for list/show/wait tests. */
public final class RunFixtures {
    private RunFixtures() {}

    public static RunMeta write(Path home, String id, String createdAt, String status, String outcome, String project) {
        RunStore store = new RunStore(new Workspace(home).ensure());
        store.createDir(RunId.of(id));
        RunMeta m = RawMeta.create().put("run_id", id).put("title", "title of " + id).put("project", project).put("profile", "spark")
                .put("created_at", createdAt).put("status", status).put("outcome", outcome).put("mode", "exec")
                .put("parent_run_id", (String) null).put("goal_met", "succeeded".equals(outcome) ? Boolean.TRUE : null)
                .put("exit_code", "finished".equals(status) ? Integer.valueOf(0) : null).meta();
        store.write(m);
        return m;
    }
}
