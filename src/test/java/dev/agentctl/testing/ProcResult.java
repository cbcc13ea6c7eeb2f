package dev.agentctl.testing;

/** A finished child process: exit code and captured output. */
public record ProcResult(int exit, String out, String err) {
    @Override
    public String toString() {
        return "exit=" + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
