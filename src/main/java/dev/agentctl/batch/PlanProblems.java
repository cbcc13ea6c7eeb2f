package dev.agentctl.batch;

import dev.agentctl.base.AgentctlException;
import java.util.List;

/** A plan refused at validation: every problem found, each naming the file, the task and the key. */
public final class PlanProblems extends AgentctlException {
    private final List<String> problems;

    public PlanProblems(List<String> problems) {
        super(Kind.USAGE, problems.size() == 1 ? problems.get(0) : problems.size() + " problems in the plan: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
