package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexHomeWriterTest {
    @Test
    void writesAConfigPointingCodexAtTheServer(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("a/codex-home");
        CodexHomeWriter.write(home, "http://127.0.0.1:4242/v1");
        String toml = Files.readString(home.resolve("config.toml"));
        for (String line : new String[] {"model = \"gpt-5.5\"", "model_provider = \"mock\"", "[features]",
                "plugins = false", "[model_providers.mock]", "base_url = \"http://127.0.0.1:4242/v1\"",
                "wire_api = \"responses\"", "supports_websockets = false", "request_max_retries = 0",
                "stream_max_retries = 0"}) {
            assertTrue(toml.lines().anyMatch(line::equals), "missing line: " + line + "\n" + toml);
        }
    }
}
