package dev.agentctl.doctor;

import java.util.List;

/** The Java running agentctl: 17 or newer (older ones cannot even load the jar, but say so plainly). */
final class JavaCheck implements Check {
    static final int MINIMUM = 17;

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Runtime.Version v = Runtime.version();
        String detail = v + " (" + System.getProperty("java.home") + ")";
        if (v.feature() < MINIMUM) {
            return List.of(CheckResult.fail("java", detail + " is older than " + MINIMUM,
                    "install Java " + MINIMUM + "+ (e.g. apt-get install openjdk-17-jre-headless) or point JAVA_HOME at one"));
        }
        return List.of(CheckResult.ok("java", detail));
    }
}
