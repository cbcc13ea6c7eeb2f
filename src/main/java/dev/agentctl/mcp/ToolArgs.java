package dev.agentctl.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/** A tool call's arguments, read by type; anything missing or mistyped is a {@link BadArgument} naming it. */
public final class ToolArgs {
    private final JsonObject args;

    public ToolArgs(JsonObject args) {
        this.args = args == null ? new JsonObject() : args;
    }

    public JsonObject json() { return args; }

    public boolean has(String name) {
        JsonElement e = args.get(name);
        return e != null && !e.isJsonNull();
    }

    /** A string, or null when absent. */
    public String string(String name) {
        JsonElement e = present(name);
        if (e == null) return null;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw wrongType(name, "a string", e);
        return e.getAsString();
    }

    /** A string that must be given and not blank. */
    public String requiredString(String name) {
        String s = string(name);
        if (s == null) throw new BadArgument("argument '" + name + "' is required.");
        if (s.isBlank()) throw new BadArgument("argument '" + name + "' must not be empty.");
        return s;
    }

    /** A string from a fixed set (the schema's enum), or null when absent. */
    public String choice(String name, java.util.Collection<String> values) {
        String s = string(name);
        if (s != null && !values.contains(s)) {
            throw new BadArgument("argument '" + name + "' must be one of " + new java.util.TreeSet<>(values) + ", not '" + s + "'.");
        }
        return s;
    }

    /** A whole number of at least min, or null when absent. */
    public Long integer(String name, long min) {
        JsonElement e = present(name);
        if (e == null) return null;
        if (!isNumber(e)) throw wrongType(name, "a whole number", e);
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Double.isInfinite(d)) throw wrongType(name, "a whole number", e);
        if (d < min) throw new BadArgument("argument '" + name + "' must be at least " + min + ", not " + e + ".");
        return (long) d;
    }

    /** A number of at least 0, or null when absent. */
    public Double seconds(String name) {
        JsonElement e = present(name);
        if (e == null) return null;
        if (!isNumber(e)) throw wrongType(name, "a number of seconds", e);
        double d = e.getAsDouble();
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            throw new BadArgument("argument '" + name + "' must be 0 or more seconds, not " + e + ".");
        }
        return d;
    }

    public boolean bool(String name, boolean fallback) {
        JsonElement e = present(name);
        if (e == null) return fallback;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw wrongType(name, "true or false", e);
        return e.getAsBoolean();
    }

    /** A non-empty array of non-empty strings, or an empty list when absent. */
    public List<String> strings(String name) {
        return has(name) ? requiredStrings(name) : List.of();
    }

    /** A non-empty array of non-empty strings; required. */
    public List<String> requiredStrings(String name) {
        JsonElement e = present(name);
        if (e == null) throw new BadArgument("argument '" + name + "' is required.");
        if (!e.isJsonArray()) throw wrongType(name, "an array of strings", e);
        JsonArray a = e.getAsJsonArray();
        if (a.isEmpty()) throw new BadArgument("argument '" + name + "' must name at least one item.");
        List<String> out = new ArrayList<>();
        for (JsonElement item : a) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString() || item.getAsString().isBlank()) {
                throw new BadArgument("argument '" + name + "' must hold only non-empty strings, not " + item + ".");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    private JsonElement present(String name) {
        JsonElement e = args.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber();
    }

    private static BadArgument wrongType(String name, String expected, JsonElement got) {
        String shown = got.toString();
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        return new BadArgument("argument '" + name + "' must be " + expected + ", not " + shown + ".");
    }
}
