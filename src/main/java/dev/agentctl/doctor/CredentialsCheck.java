package dev.agentctl.doctor;

import dev.agentctl.proc.CapturedProcess;
import dev.agentctl.proc.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether codex can authenticate to its model provider: OpenAI's needs `codex login` (checked with
 * `codex login status`) or an API key variable; another provider needs the variable its env_key names.
 * A set-up without credentials cannot run a single real turn, so this is a failure, not a warning.
 */
final class CredentialsCheck implements Check {
    static final String NAME = "credentials";
    static final List<String> OPENAI_KEY_VARIABLES = List.of("OPENAI_API_KEY", "CODEX_API_KEY");
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(20);

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        ModelProvider provider = ModelProvider.of(ctx.env());
        if (provider.envKey() != null) {
            String value = ctx.env().get(provider.envKey());
            if (value == null || value.isBlank()) {
                return List.of(CheckResult.fail(NAME, "model provider '" + provider.name() + "' (" + provider.configFile()
                        + ") takes its key from $" + provider.envKey() + ", which is not set",
                        "export " + provider.envKey() + "=... in the shell that runs agentctl (runs inherit it)"));
            }
            return List.of(CheckResult.ok(NAME, "$" + provider.envKey() + " is set for model provider '" + provider.name() + "'"));
        }
        if (!provider.isOpenAi()) {
            return List.of(CheckResult.ok(NAME, "model provider '" + provider.name() + "' needs no key (no env_key in "
                    + provider.configFile() + ")"));
        }
        List<String> set = new ArrayList<>();
        for (String v : OPENAI_KEY_VARIABLES) {
            String value = ctx.env().get(v);
            if (value != null && !value.isBlank()) set.add("$" + v);
        }
        if (!set.isEmpty()) return List.of(CheckResult.ok(NAME, String.join(", ", set) + " set"));
        Path codex = ctx.codex();
        if (codex == null) {
            return List.of(CheckResult.fail(NAME, "cannot ask codex (not installed) and no OPENAI_API_KEY is set",
                    "install codex, then 'codex login', or export OPENAI_API_KEY"));
        }
        ProcessRunner.Result r;
        try {
            r = CapturedProcess.run(List.of(codex.toString(), "login", "status"), ctx.cwd(), ctx.env(), null, STATUS_TIMEOUT);
        } catch (RuntimeException e) {
            return List.of(CheckResult.fail(NAME, "codex login status: " + e.getMessage(), "run 'codex login', or export OPENAI_API_KEY"));
        }
        String said = lastLine(r.stdout() + "\n" + r.stderr());
        if (r.ok()) return List.of(CheckResult.ok(NAME, "codex login status: " + said));
        return List.of(CheckResult.fail(NAME, "codex is not logged in (codex login status: " + said + ") and OPENAI_API_KEY is not set",
                "run 'codex login' (with CODEX_HOME=" + ModelProvider.codexHome(ctx.env()) + "), or export OPENAI_API_KEY"));
    }

    private static String lastLine(String s) {
        return s.strip().lines().filter(l -> !l.startsWith("WARNING:")).reduce((a, b) -> b).orElse("no output");
    }
}
