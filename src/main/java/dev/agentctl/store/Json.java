package dev.agentctl.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Tree-model JSON only: no reflection on the hot path, and unknown fields survive every rewrite. */
public final class Json {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {}

    public static String pretty(JsonElement e) {
        return PRETTY.toJson(e);
    }

    public static String compact(JsonElement e) {
        return COMPACT.toJson(e);
    }

    /** Parses text as an object; the message names the source when it is not one. */
    public static JsonObject parseObject(String text, String source) {
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new CorruptFileException(source + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException ex) {
            throw new CorruptFileException(source + " is not valid JSON");
        }
    }

    /** Reads an object file; returns null when the file does not exist. */
    public static JsonObject readObject(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        return parseObject(text, file.toString());
    }

    public static void writeAtomically(Path file, JsonElement e) throws IOException {
        AtomicFiles.write(file, (pretty(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static String string(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    public static Long longValue(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e == null || !e.isJsonPrimitive()) return null;
        try {
            return e.getAsLong();
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    public static Boolean bool(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
    }

    public static JsonElement of(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    public static JsonElement of(Number n) {
        return n == null ? JsonNull.INSTANCE : new JsonPrimitive(n);
    }

    public static JsonElement of(Boolean b) {
        return b == null ? JsonNull.INSTANCE : new JsonPrimitive(b);
    }
}
