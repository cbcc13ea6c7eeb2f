package dev.agentctl.cli.workspace;

import dev.agentctl.cli.BaseCommand;
import dev.agentctl.base.ExitCodes;
import dev.agentctl.doctor.CheckResult;
import dev.agentctl.doctor.Doctor;
import dev.agentctl.doctor.DoctorContext;
import dev.agentctl.doctor.DoctorReport;
import dev.agentctl.workspace.Workspace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = {"Check that agentctl can run: Java, tmux, git, codex and its version, CODEX_HOME, "
        + "the workspace, config, projects, profiles, the output schema, and one live codex turn against a built-in "
        + "offline model. One line per check (✓ ok, ✗ failed, ! warning), with a fix for every problem. "
        + "Exit 1 when a check failed."},
        footer = {"", "Examples:", "  agentctl doctor", "  agentctl doctor --no-live --json | jq '.[] | select(.status != \"ok\")'"})
public final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array of {check, status: ok|fail|warn, detail, fix}.")
    boolean json;

    @Option(names = "--no-live", description = "Skip the live codex turn (the only check that runs codex exec).")
    boolean noLive;

    @Override
    protected int execute() {
        // Not workspace(): that would create a missing workspace and hide what doctor should report.
        Workspace ws = workspaceAsIs();
        List<CheckResult> results = new Doctor().run(new DoctorContext(ws, io().env(), io().cwd(), !noLive));
        io().out().print(json ? DoctorReport.json(results) + "\n" : DoctorReport.text(results, DoctorReport.unicodeOutput()));
        io().out().flush();
        return Doctor.anyFailed(results) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
