package dev.agentctl.offline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subset of the real API's strict-mode schema rules that codex users trip over: every object schema must
 * say {@code "additionalProperties": false} and list every property in {@code required}, at every depth.
 * Messages mimic the real API's wording so tests of error reporting see realistic text.
 */
public final class SchemaCheck {
    private static final List<String> SUBSCHEMA_LISTS = List.of("anyOf", "allOf", "oneOf", "prefixItems");
    private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "$defs", "definitions");

    private SchemaCheck() {}

    public static boolean isStrictValid(JsonElement schema) {
        return violation(schema).isEmpty();
    }

    /** The first rule the schema breaks, e.g. {@code In context=(), 'additionalProperties' is required ...}. */
    public static Optional<String> violation(JsonElement schema) {
        return check(schema, new ArrayList<>());
    }

    private static Optional<String> check(JsonElement schema, List<String> context) {
        if (schema == null || !schema.isJsonObject()) {
            return context.isEmpty()
                    ? Optional.of("In context=(), schema must be a JSON object.")
                    : Optional.empty(); // boolean sub-schemas are not our concern here
        }
        JsonObject o = schema.getAsJsonObject();
        if (isObjectSchema(o)) {
            Optional<String> own = checkObject(o, context);
            if (own.isPresent()) return own;
        }
        for (String key : SUBSCHEMA_MAPS) {
            JsonElement map = o.get(key);
            if (map == null || !map.isJsonObject()) continue;
            for (Map.Entry<String, JsonElement> e : map.getAsJsonObject().entrySet()) {
                Optional<String> found = check(e.getValue(), with(context, key, e.getKey()));
                if (found.isPresent()) return found;
            }
        }
        for (String key : SUBSCHEMA_LISTS) {
            JsonElement list = o.get(key);
            if (list == null || !list.isJsonArray()) continue;
            JsonArray array = list.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                Optional<String> found = check(array.get(i), with(context, key, Integer.toString(i)));
                if (found.isPresent()) return found;
            }
        }
        JsonElement items = o.get("items");
        return items == null ? Optional.empty() : check(items, with(context, "items"));
    }

    private static Optional<String> checkObject(JsonObject o, List<String> context) {
        JsonElement additional = o.get("additionalProperties");
        if (additional == null || !additional.isJsonPrimitive() || !additional.getAsJsonPrimitive().isBoolean()
                || additional.getAsBoolean()) {
            return Optional.of("In context=" + render(context)
                    + ", 'additionalProperties' is required to be supplied and to be false.");
        }
        JsonElement properties = o.get("properties");
        if (properties == null || !properties.isJsonObject()) return Optional.empty();
        Set<String> required = new HashSet<>();
        JsonElement req = o.get("required");
        if (req != null && req.isJsonArray()) {
            for (JsonElement r : req.getAsJsonArray()) {
                if (r.isJsonPrimitive()) required.add(r.getAsString());
            }
        }
        for (String name : properties.getAsJsonObject().keySet()) {
            if (!required.contains(name)) {
                return Optional.of("In context=" + render(context) + ", 'required' is required to be supplied"
                        + " and to be an array including every key in properties. Missing '" + name + "'.");
            }
        }
        return Optional.empty();
    }

    private static boolean isObjectSchema(JsonObject o) {
        JsonElement type = o.get("type");
        if (type != null && type.isJsonPrimitive()) return "object".equals(type.getAsString());
        if (type != null && type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (t.isJsonPrimitive() && "object".equals(t.getAsString())) return true;
            }
            return false;
        }
        return o.has("properties");
    }

    private static List<String> with(List<String> context, String... more) {
        List<String> copy = new ArrayList<>(context);
        copy.addAll(List.of(more));
        return copy;
    }

    /** Python-tuple style, as the real API prints it: (), ('properties', 'a'). */
    private static String render(List<String> context) {
        if (context.isEmpty()) return "()";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < context.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('\'').append(context.get(i)).append('\'');
        }
        return sb.append(context.size() == 1 ? ",)" : ")").toString();
    }
}
