package dev.agentctl.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model provider codex will use, as far as doctor needs it: its name, base URL and the environment
 * variable holding its key, read from $CODEX_HOME/config.toml (a few plain `key = "value"` lines; not a
 * TOML parser). Without a config.toml, or without model_provider, it is OpenAI's.
 */
record ModelProvider(String name, String baseUrl, String envKey, Path configFile) {
    static final String OPENAI = "openai";
    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*\\]\\s*(#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?$");

    boolean isOpenAi() {
        return OPENAI.equals(name);
    }

    static Path codexHome(Map<String, String> env) {
        String set = env.get("CODEX_HOME");
        if (set != null && !set.isBlank()) return Paths.get(set);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Paths.get(home, ".codex");
    }

    static ModelProvider of(Map<String, String> env) {
        Path file = codexHome(env).resolve("config.toml");
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            text = "";
        }
        return parse(text, env, file);
    }

    static ModelProvider parse(String toml, Map<String, String> env, Path file) {
        String provider = null;
        String section = "";
        String baseUrl = null;
        String envKey = null;
        String wanted = null;
        // First pass: the top-level model_provider; second: that provider's table.
        for (int pass = 0; pass < 2; pass++) {
            section = "";
            for (String line : toml.split("\n")) {
                Matcher s = SECTION.matcher(line);
                if (s.matches()) {
                    section = s.group(1);
                    continue;
                }
                Matcher e = ENTRY.matcher(line);
                if (!e.matches()) continue;
                if (pass == 0 && section.isEmpty() && e.group(1).equals("model_provider")) provider = e.group(2);
                if (pass == 1 && section.equals(wanted)) {
                    if (e.group(1).equals("base_url")) baseUrl = e.group(2);
                    if (e.group(1).equals("env_key")) envKey = e.group(2);
                }
            }
            if (provider == null) provider = OPENAI;
            wanted = "model_providers." + provider;
        }
        if (provider.equals(OPENAI) && baseUrl == null) {
            String fromEnv = env.get("OPENAI_BASE_URL");
            baseUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : OPENAI_BASE_URL;
        }
        return new ModelProvider(provider, baseUrl, envKey, file);
    }
}
