package dev.agentctl.doctor;

import com.google.gson.JsonObject;
import dev.agentctl.store.CorruptFileException;
import dev.agentctl.store.Json;
import dev.agentctl.workspace.Config;
import dev.agentctl.workspace.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** config.json parses and every setting is one agentctl accepts; the profiles in it are valid. */
final class ConfigCheck implements Check {
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path file = ctx.workspace().configFile();
        String fixFile = "fix " + file + ", or move it away and run 'agentctl init' to write a fresh one";
        JsonObject json;
        try {
            json = Json.readObject(file);
        } catch (CorruptFileException e) {
            return List.of(CheckResult.fail("config", e.getMessage(), fixFile));
        } catch (IOException e) {
            return List.of(CheckResult.fail("config", "cannot read " + file + ": " + e.getMessage(),
                    "make it readable: chmod u+rw " + file));
        }
        List<CheckResult> out = new ArrayList<>();
        Config config = new Config(json);
        String problem = settingsProblem(config);
        if (problem != null) {
            out.add(CheckResult.fail("config", file + ": " + problem, "edit " + file));
        } else {
            out.add(CheckResult.ok("config", json == null ? "no " + file + " yet; defaults in use" : file.toString()));
        }
        if (problem == null && config.defaultTimeoutSeconds() == null) {
            out.add(CheckResult.warn("deadline", "default_timeout is null: a run without --timeout has no deadline",
                    "agentctl config set default_timeout 3h (or pass --timeout to every start)"));
        }
        try {
            Map<String, Profile> profiles = config.profiles();
            out.add(profiles.isEmpty()
                    ? CheckResult.warn("profiles", "none defined", "add profiles to " + file + " (see 'agentctl init' defaults)")
                    : CheckResult.ok("profiles", String.join(", ", profiles.keySet())));
        } catch (RuntimeException e) {
            out.add(CheckResult.fail("profiles", e.getMessage(), "edit the profiles in " + file));
        }
        return out;
    }

    /** The first setting agentctl would refuse, or null. */
    static String settingsProblem(Config config) {
        try {
            config.launcher();
            config.defaultTimeoutSeconds();
            config.stallAfterSeconds();
            config.paneLingerSeconds();
            config.stallAction();
            config.providerRetryLimitSeconds();
            config.prices();
        } catch (RuntimeException e) {
            return e.getMessage().replaceFirst("^config\\.json: ", "");
        }
        String session = config.tmuxSession();
        if (session != null && !SESSION_NAME.matcher(session).matches()) {
            return "tmux_session '" + session + "' is not a valid session name (letters, digits, '_' and '-' only)";
        }
        return null;
    }
}
