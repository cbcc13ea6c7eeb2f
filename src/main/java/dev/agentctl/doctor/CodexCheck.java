package dev.agentctl.doctor;

import dev.agentctl.demo.Demo;
import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** codex at codex_bin, its version (agentctl is tested with one), and the CODEX_HOME it will use. */
final class CodexCheck implements Check {
    /** The versions agentctl's tests run; any other gets a warning. */
    static final java.util.Set<String> TESTED_VERSIONS = java.util.Set.of("0.169.0", "0.171.0");
    static final String TESTED = "codex-cli 0.171.0 (or 0.169.0)";

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        String bin = ctx.config().codexBin();
        Path codex = ctx.codex();
        if (codex == null) {
            String where = bin.contains("/") ? "codex_bin '" + bin + "' is not an executable file"
                    : "codex_bin '" + bin + "' is not on PATH";
            out.add(CheckResult.fail("codex", where, "install it: " + Demo.INSTALL_HINT
                    + "; or set codex_bin in " + ctx.workspace().configFile() + " to the codex executable"));
        } else {
            out.add(CheckResult.ok("codex", codex.toString()));
            out.add(version(ctx, codex));
        }
        out.add(codexHome(ctx));
        return out;
    }

    private static CheckResult version(DoctorContext ctx, Path codex) {
        String fix = "install the tested version: " + Demo.INSTALL_HINT;
        ProcessRunner.Result r;
        try {
            r = CapturedProcess.run(List.of(codex.toString(), "--version"), ctx.cwd(), ctx.env(), null, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return CheckResult.fail("codex version", codex + " --version: " + e.getMessage(), fix);
        }
        String line = r.stdout().strip().lines().findFirst().orElse("");
        if (!r.ok()) {
            String err = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
            return CheckResult.fail("codex version", codex + " --version exited " + r.exitCode()
                    + (err.isEmpty() ? "" : ": " + err), fix);
        }
        if (!TESTED_VERSIONS.contains(line.replaceFirst("^codex-cli ", "").strip())) {
            return CheckResult.warn("codex version", (line.isEmpty() ? "unknown" : line) + "; agentctl is tested with "
                    + TESTED, fix);
        }
        return CheckResult.ok("codex version", line);
    }

    private static CheckResult codexHome(DoctorContext ctx) {
        String set = ctx.env().get("CODEX_HOME");
        if (set != null && !set.isBlank()) {
            Path p = Paths.get(set);
            if (!Files.isDirectory(p)) {
                return CheckResult.fail("CODEX_HOME", "CODEX_HOME=" + set + " is not an existing directory (codex refuses to start)",
                        "mkdir -p '" + set + "' (and log in: codex login), or unset CODEX_HOME to use ~/.codex");
            }
            return CheckResult.ok("CODEX_HOME", set);
        }
        String home = ctx.env().getOrDefault("HOME", System.getProperty("user.home"));
        Path p = Paths.get(home, ".codex");
        if (!Files.isDirectory(p)) {
            return CheckResult.warn("CODEX_HOME", p + " does not exist yet (CODEX_HOME is not set)",
                    "log in once with 'codex login' (creates it), or set CODEX_HOME to codex's directory");
        }
        return CheckResult.ok("CODEX_HOME", p + " (default; CODEX_HOME is not set)");
    }
}
