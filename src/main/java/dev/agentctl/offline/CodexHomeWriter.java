package dev.agentctl.offline;

import dev.agentctl.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CODEX_HOME whose config.toml points codex at the offline model. Retries are off so a failing
 * or missing server fails the turn at once instead of codex retrying (codex-exec.md).
 */
public final class CodexHomeWriter {
    /** A model slug codex 0.169.0 knows; an unknown one makes codex emit a warning item. */
    public static final String MODEL = "gpt-5.5";
    public static final String PROVIDER = "mock";

    private CodexHomeWriter() {}

    public static void write(Path codexHome, String baseUrl) throws IOException {
        Files.createDirectories(codexHome);
        AtomicFiles.write(codexHome.resolve("config.toml"), configToml(baseUrl).getBytes(StandardCharsets.UTF_8));
    }

    static String configToml(String baseUrl) {
        return "model = " + quoted(MODEL) + "\n"
                + "model_provider = " + quoted(PROVIDER) + "\n"
                + "\n"
                + "[features]\n"
                + "plugins = false\n"
                + "\n"
                + "[model_providers." + PROVIDER + "]\n"
                + "name = \"Offline mock\"\n"
                + "base_url = " + quoted(baseUrl) + "\n"
                + "wire_api = \"responses\"\n"
                + "supports_websockets = false\n"
                + "request_max_retries = 0\n"
                + "stream_max_retries = 0\n";
    }

    /** TOML basic string. */
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
