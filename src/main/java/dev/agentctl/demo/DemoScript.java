package dev.agentctl.demo;

import dev.agentctl.run.Outcome;
import dev.agentctl.offline.Markers;
import dev.agentctl.offline.Scenario;
import java.util.List;

/**
 * What the demo asks for: three runs whose prompts carry offline-model markers, so the story is the same
 * every time: two succeed with a diff, one reports its goal not met and is resumed
 * with its follow-up, which then writes the file its title promises.
 */
public final class DemoScript {
    /** One scripted run: its worktree name, title, prompt and the outcome the markers make it end with. */
    public record Step(String name, String title, String prompt, String expectedOutcome) {}

    public static final Step GREETING = new Step("greeting", "add greet()",
            "Add a greet(name) function in greet.py and mention it in README.md.\n\n"
                    + Markers.command("printf 'def greet(name):\\n    return \"Hello, \" + name + \"!\"\\n' > greet.py"
                            + " && printf '\\nCall greet(name) from greet.py to say hello.\\n' >> README.md") + "\n",
            Outcome.SUCCEEDED.wire());

    public static final Step CHANGELOG = new Step("changelog", "write CHANGELOG",
            "Write CHANGELOG.md for the first release.\n\n" + Markers.scenario(Scenario.GOAL_NOT_MET) + "\n"
                    // Not run in the first turn (its goal is not met); the resumed turn runs it and writes the file.
                    + Markers.command("printf '# Changelog\\n\\n## 0.1.0\\n\\n- greet(name) says hello.\\n' > CHANGELOG.md")
                    + "\n",
            Outcome.GOAL_NOT_MET.wire());

    public static final Step LICENSE = new Step("license", "add LICENSE",
            "Add an MIT LICENSE file.\n\n" + Markers.command("printf 'MIT License\\n\\nCopyright (c) the greeter authors\\n' > LICENSE")
                    + "\n",
            Outcome.SUCCEEDED.wire());

    /** Run with Claude Code (start --agent claude) when it is installed: one run of the second backend. */
    public static final Step CONTRIBUTING = new Step("contributing", "add CONTRIBUTING (claude)",
            "Add a CONTRIBUTING.md.\n\n" + Markers.command("printf '# Contributing\\n\\nRun the tests first.\\n' > CONTRIBUTING.md")
                    + "\n",
            Outcome.SUCCEEDED.wire());

    /** The outcome expected of the resumed CHANGELOG run. */
    public static final String RESUMED_OUTCOME = Outcome.SUCCEEDED.wire();

    private DemoScript() {}

    public static List<Step> parallelRuns(boolean withClaude) {
        return withClaude ? List.of(GREETING, CHANGELOG, LICENSE, CONTRIBUTING) : List.of(GREETING, CHANGELOG, LICENSE);
    }
}
