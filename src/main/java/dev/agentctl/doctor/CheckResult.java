package dev.agentctl.doctor;

/** One line of doctor's report; {@code fix} says what to do, and is null only for a passed check. */
public record CheckResult(Status status, String check, String detail, String fix) {
    public static CheckResult ok(String check, String detail) {
        return new CheckResult(Status.OK, check, detail, null);
    }

    public static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(Status.FAIL, check, detail, fix);
    }

    public static CheckResult warn(String check, String detail, String fix) {
        return new CheckResult(Status.WARN, check, detail, fix);
    }
}
