package dev.agentctl.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentctl.base.AgentctlException;
import dev.agentctl.base.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodexCommandTest {
    private static final Path DIR = Path.of("/work/proj");
    private static final Path SCHEMA = Path.of("/runs/r1/schema.json");
    private static final Path LAST = Path.of("/runs/r1/last_message.json");

    private static CodexInvocation inv(String model, String effort, String sandbox, List<String> overrides, String resume) {
        return new CodexInvocation("/bin/codex", DIR, model, effort, sandbox, overrides, SCHEMA, LAST, resume);
    }

    @Test
    void fullExecArgvInDocumentedOrder() {
        List<String> argv = CodexCommand.argv(inv("gpt-5.5", "low", "workspace-write",
                List.of("features.plugins=false", "model_verbosity=\"low\""), null));
        assertEquals(List.of("/bin/codex", "exec", "--json", "--skip-git-repo-check", "-C", "/work/proj",
                "--sandbox", "workspace-write", "-m", "gpt-5.5", "-c", "model_reasoning_effort=\"low\"",
                "-c", "features.plugins=false", "-c", "model_verbosity=\"low\"",
                "--output-schema", "/runs/r1/schema.json", "-o", "/runs/r1/last_message.json", "-"), argv);
    }

    @Test
    void nullSandboxBypassesAndBlankSettingsAreLeftToCodex() {
        List<String> argv = CodexCommand.argv(inv(" ", null, null, null, null));
        assertEquals(List.of("/bin/codex", "exec", "--json", "--skip-git-repo-check", "-C", "/work/proj",
                "--dangerously-bypass-approvals-and-sandbox",
                "--output-schema", "/runs/r1/schema.json", "-o", "/runs/r1/last_message.json", "-"), argv);
    }

    @Test
    void resumePutsEveryOptionBeforeTheSubcommand() {
        List<String> argv = CodexCommand.argv(inv("m", "high", "read-only", List.of("a=1"),
                "01a20031-c6aa-7283-9df0-eddb03adf32f"));
        int resume = argv.indexOf("resume");
        assertEquals(List.of("resume", "01a20031-c6aa-7283-9df0-eddb03adf32f", "-"), argv.subList(resume, argv.size()));
        for (String option : List.of("-C", "--sandbox", "-m", "-c", "--output-schema", "-o", "--json")) {
            assertTrue(argv.indexOf(option) >= 0 && argv.indexOf(option) < resume, option + " must precede resume");
        }
    }

    @Test
    void neverFullAutoNorEphemeral() {
        for (String sandbox : new String[] {null, "read-only", "workspace-write", "danger-full-access"}) {
            List<String> argv = CodexCommand.argv(inv("m", "low", sandbox, List.of(), "t1"));
            assertFalse(argv.contains("--full-auto"));
            assertFalse(argv.contains("--ephemeral"));
            assertEquals("-", argv.get(argv.size() - 1));
        }
    }

    @Test
    void relativePathsAreMadeAbsolute() {
        List<String> argv = CodexCommand.argv(new CodexInvocation("codex", Path.of("proj"), null, null, null, List.of(),
                Path.of("schema.json"), Path.of("last.json"), null));
        assertEquals(Path.of("proj").toAbsolutePath().toString(), argv.get(argv.indexOf("-C") + 1));
        assertEquals(Path.of("schema.json").toAbsolutePath().toString(), argv.get(argv.indexOf("--output-schema") + 1));
        assertEquals(Path.of("last.json").toAbsolutePath().toString(), argv.get(argv.indexOf("-o") + 1));
    }

    @Test
    void rejectsValuesCodexWouldMisread() {
        assertUsage(() -> CodexCommand.argv(inv(null, null, "full-auto", List.of(), null)));
        assertUsage(() -> CodexCommand.argv(inv(null, "low\" x", "read-only", List.of(), null)));
        assertUsage(() -> CodexCommand.argv(inv(null, null, "read-only", List.of("no-equals-sign"), null)));
        assertUsage(() -> CodexCommand.argv(inv(null, null, "read-only", List.of("--full-auto=1"), null)));
        assertUsage(() -> CodexCommand.argv(inv(null, null, "read-only", List.of(), "--last")));
        assertUsage(() -> CodexCommand.argv(inv(null, null, "read-only", List.of(), "")));
    }

    private static void assertUsage(org.junit.jupiter.api.function.Executable call) {
        AgentctlException e = assertThrows(AgentctlException.class, call);
        assertEquals(ExitCodes.USAGE, ExitCodes.of(e.kind()));
    }

    @Test
    void anArgvIsPointedAtTheThreadItContinuesReplacingAnyEarlierOne() {
        java.util.List<String> fresh = java.util.List.of("codex", "exec", "--json", "-o", "/r/last.json", "-");
        assertEquals(java.util.List.of("codex", "exec", "--json", "-o", "/r/last.json", "resume", "t-1", "-"),
                CodexCommand.withResumeThread(fresh, "t-1"));
        assertEquals(java.util.List.of("codex", "exec", "--json", "-o", "/r/last.json", "resume", "t-2", "-"),
                CodexCommand.withResumeThread(CodexCommand.withResumeThread(fresh, "t-1"), "t-2"));
        assertThrows(dev.agentctl.base.AgentctlException.class, () -> CodexCommand.withResumeThread(fresh, "-x; rm"));
        assertThrows(IllegalArgumentException.class, () -> CodexCommand.withResumeThread(java.util.List.of("codex"), "t"));
    }
}
