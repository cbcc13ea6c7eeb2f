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

/** config.json parses and every setting is one agentctl accepts; the profiles in it are valid. */
final class ConfigCheck implements Check {
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
        // Settings and profiles are reported apart, so one bad profile does not hide the state of the rest.
        JsonObject settings = json == null ? new JsonObject() : json.deepCopy();
        settings.remove("profiles");
        Config config = null;
        try {
            config = new Config(settings);
            out.add(CheckResult.ok("config", json == null ? "no " + file + " yet; defaults in use" : file.toString()));
        } catch (RuntimeException e) {
            out.add(CheckResult.fail("config", file + ": " + e.getMessage().replaceFirst("^config\\.json: ", ""), "edit " + file));
        }
        if (config != null && config.defaultTimeoutSeconds() == null) {
            out.add(CheckResult.warn("deadline", "default_timeout is null: a run without --timeout has no deadline",
                    "agentctl config set default_timeout 3h (or pass --timeout to every start)"));
        }
        try {
            Map<String, Profile> profiles = Config.profilesOf(json);
            out.add(profiles.isEmpty()
                    ? CheckResult.warn("profiles", "none defined", "add profiles to " + file + " (see 'agentctl init' defaults)")
                    : CheckResult.ok("profiles", String.join(", ", profiles.keySet())));
        } catch (RuntimeException e) {
            out.add(CheckResult.fail("profiles", e.getMessage(), "edit the profiles in " + file));
        }
        return out;
    }
}
