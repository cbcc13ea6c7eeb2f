package dev.agentctl.doctor;

import java.util.List;

/** One area doctor looks at; may report several lines (one per project, say) or none when not applicable. */
public interface Check {
    List<CheckResult> run(DoctorContext ctx);
}
