package dev.agentctl.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs every check in the order the report shows them. */
public final class Doctor {
    private final List<Check> checks;

    public Doctor() {
        this(List.of(new JavaCheck(), new TmuxCheck(), new GitCheck(), new CodexCheck(), new ClaudeCheck(), new CredentialsCheck(), new ProviderCheck(),
                new WorkspaceCheck(), new ConfigCheck(), new ProjectsCheck(), new OutputSchemaCheck(), new McpCheck(), new LiveCheck()));
    }

    Doctor(List<Check> checks) {
        this.checks = checks;
    }

    public List<CheckResult> run(DoctorContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        for (Check c : checks) {
            try {
                results.addAll(c.run(ctx));
            } catch (RuntimeException e) {
                // One broken check must not hide the others' findings.
                results.add(CheckResult.fail(c.getClass().getSimpleName(), "the check itself failed: " + e,
                        "report this as an agentctl bug"));
            }
        }
        return results;
    }

    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }
}
