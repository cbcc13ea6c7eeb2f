package dev.agentctl.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The workspace and its runs/ directory can be read and written. Doctor never creates them itself. */
final class WorkspaceCheck implements Check {
    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path home = ctx.workspace().home();
        if (!Files.exists(home)) {
            return List.of(CheckResult.warn("workspace", home + " does not exist yet",
                    "run 'agentctl init' (any command creates it too)"));
        }
        String fix = "chmod u+rwx " + home + ", or use another workspace (--home DIR or AI_ORCH_HOME)";
        if (!Files.isDirectory(home)) {
            return List.of(CheckResult.fail("workspace", home + " is not a directory",
                    "move it away and run 'agentctl init', or use another workspace (--home DIR or AI_ORCH_HOME)"));
        }
        for (Path p : List.of(home, ctx.workspace().runsDir())) {
            if (!Files.exists(p)) continue;
            if (!Files.isReadable(p) || !Files.isWritable(p) || !Files.isExecutable(p)) {
                return List.of(CheckResult.fail("workspace", p + " is not readable and writable by you", fix));
            }
        }
        return List.of(CheckResult.ok("workspace", home + " (readable, writable)"));
    }
}
