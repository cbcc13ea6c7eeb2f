package dev.agentctl.doctor;

import dev.agentctl.workspace.Project;
import dev.agentctl.workspace.ProjectRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** projects.json parses, every registered directory exists, and every default profile is defined. */
final class ProjectsCheck implements Check {
    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        List<Project> projects;
        try {
            projects = new ProjectRegistry(ctx.workspace()).list();
        } catch (RuntimeException e) {
            return List.of(CheckResult.fail("projects", e.getMessage(),
                    "fix " + ctx.workspace().projectsFile() + " by hand: {\"projects\": {\"NAME\": {\"path\": \"/abs/dir\"}}}"));
        }
        List<CheckResult> out = new ArrayList<>();
        out.add(CheckResult.ok("projects", projects.isEmpty() ? "none registered" : projects.size() + " registered"));
        Set<String> profiles = profileNames(ctx);
        for (Project p : projects) {
            String name = "project " + p.name();
            if (!Files.isDirectory(p.dir())) {
                out.add(CheckResult.fail(name, p.dir() + " is missing or not a directory",
                        "restore the directory, re-register it (agentctl add-project " + p.name() + " DIR), or "
                                + "agentctl remove-project " + p.name()));
            } else if (p.defaultProfile() != null && profiles != null && !profiles.contains(p.defaultProfile())) {
                out.add(CheckResult.fail(name, "default profile '" + p.defaultProfile() + "' is not defined",
                        "define it in " + ctx.workspace().configFile() + ", or re-register the project with another --profile"));
            }
        }
        return out;
    }

    private static Set<String> profileNames(DoctorContext ctx) {
        try {
            return ctx.config().profiles().keySet();
        } catch (RuntimeException e) {
            return null; // reported by the config check
        }
    }
}
