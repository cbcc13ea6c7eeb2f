package dev.agentctl.store;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Tree-model JSON only: no reflection on the hot path, and unknown fields survive every rewrite. */
public final class Json {
    private Json() {}

    /** What Gson's setPrettyPrinting().disableHtmlEscaping().serializeNulls() prints. */
    public static String pretty(JsonElement e) {
        return write(e, FormattingStyle.PRETTY);
    }

    /** What Gson's disableHtmlEscaping().serializeNulls() prints. */
    public static String compact(JsonElement e) {
        return write(e, FormattingStyle.COMPACT);
    }

    /**
     * A tree written straight to a JsonWriter set up as Gson sets it up for toJson(JsonElement):
     * building a Gson instance (dozens of type adapters) costs short-lived commands several ms.
     */
    private static String write(JsonElement e, FormattingStyle style) {
        StringWriter out = new StringWriter();
        JsonWriter w = new JsonWriter(out);
        w.setFormattingStyle(style);
        w.setHtmlSafe(false);
        w.setSerializeNulls(true);
        w.setStrictness(Strictness.LENIENT);
        try {
            write(w, e);
            w.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Prints an array as {@link #pretty} would, one element at a time: the elements need not all be in
     * memory at once (list --json over runs with megabyte summaries).
     */
    public static void printPrettyArray(java.io.Writer out, Iterable<JsonElement> elements) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setFormattingStyle(FormattingStyle.PRETTY);
        w.setHtmlSafe(false);
        w.setSerializeNulls(true);
        w.setStrictness(Strictness.LENIENT);
        w.beginArray();
        for (JsonElement e : elements) write(w, e);
        w.endArray();
        w.flush();
    }

    /** As Gson's own JsonElement adapter writes a tree. */
    private static void write(JsonWriter w, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                w.value(p.getAsNumber());
            } else if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else {
                w.value(p.getAsString());
            }
        } else if (e.isJsonArray()) {
            w.beginArray();
            for (JsonElement item : (JsonArray) e) write(w, item);
            w.endArray();
        } else {
            w.beginObject();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                w.name(entry.getKey());
                write(w, entry.getValue());
            }
            w.endObject();
        }
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
            // Gson reports running out of memory as a parse error; a file too large to read is not corrupt.
            if (ex.getCause() instanceof OutOfMemoryError oom) throw oom;
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

    /** {@link #writeAtomically} in two steps: see {@link AtomicFiles#prepare}. */
    public static AtomicFiles.Pending prepareAtomically(Path file, JsonElement e) throws IOException {
        return AtomicFiles.prepare(file, (pretty(e) + "\n").getBytes(StandardCharsets.UTF_8));
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
