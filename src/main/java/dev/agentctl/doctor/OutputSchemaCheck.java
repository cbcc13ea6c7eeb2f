package dev.agentctl.doctor;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.agentctl.offline.SchemaCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The output schema codex is given must pass the API's strict mode, or every run fails at its first turn. */
final class OutputSchemaCheck implements Check {
    @Override
    public List<CheckResult> run(DoctorContext ctx) {
        Path file = ctx.workspace().schemaFile();
        String restore = "delete " + file + " and run 'agentctl init' (it writes the strict default)";
        if (!Files.exists(file)) {
            return List.of(CheckResult.warn("output schema", file + " does not exist yet", "run 'agentctl init'"));
        }
        JsonElement schema;
        try {
            schema = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of(CheckResult.fail("output schema", "cannot read " + file + ": " + e.getMessage(), "chmod u+r " + file));
        } catch (RuntimeException e) {
            return List.of(CheckResult.fail("output schema", file + " is not valid JSON", restore));
        }
        Optional<String> violation = SchemaCheck.violation(schema);
        if (violation.isPresent()) {
            return List.of(CheckResult.fail("output schema", file + " is not strict-valid: " + violation.get(), restore));
        }
        return List.of(CheckResult.ok("output schema", file + " (strict-valid)"));
    }
}
