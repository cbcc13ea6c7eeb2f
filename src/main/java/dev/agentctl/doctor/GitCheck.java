package dev.agentctl.doctor;

import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** git takes each run's before/after snapshot and diff stat. */
final class GitCheck implements Check {
    static final String FIX = "install git (apt-get install git / brew install git); without it runs have no diff stat";

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path git = ctx.onPath("git");
        if (git == null) return List.of(CheckResult.fail("git", "git not found on PATH", FIX));
        try {
            ProcessRunner.Result r = CapturedProcess.run(List.of(git.toString(), "--version"), ctx.cwd(), ctx.env(), null,
                    Duration.ofSeconds(20));
            if (!r.ok()) return List.of(CheckResult.fail("git", git + " --version exited " + r.exitCode(), FIX));
            return List.of(CheckResult.ok("git", r.stdout().strip() + " (" + git + ")"));
        } catch (RuntimeException e) {
            return List.of(CheckResult.fail("git", git + ": " + e.getMessage(), FIX));
        }
    }
}
