package dev.agentctl.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Builds the small JSON Schemas tool inputs need: an object of typed, described properties. */
public final class Schema {
    private final JsonObject properties = new JsonObject();
    private final JsonArray required = new JsonArray();

    public static Schema object() {
        return new Schema();
    }

    public Schema string(String name, String description, boolean isRequired) {
        return property(name, typed("string", description), isRequired);
    }

    public Schema choice(String name, String description, java.util.Collection<String> values, boolean isRequired) {
        JsonObject p = typed("string", description);
        JsonArray e = new JsonArray();
        values.forEach(e::add);
        p.add("enum", e);
        return property(name, p, isRequired);
    }

    public Schema integer(String name, String description, long minimum, boolean isRequired) {
        JsonObject p = typed("integer", description);
        p.addProperty("minimum", minimum);
        return property(name, p, isRequired);
    }

    public Schema number(String name, String description, boolean isRequired) {
        JsonObject p = typed("number", description);
        p.addProperty("minimum", 0);
        return property(name, p, isRequired);
    }

    public Schema bool(String name, String description) {
        return property(name, typed("boolean", description), false);
    }

    public Schema strings(String name, String description, boolean isRequired) {
        JsonObject p = typed("array", description);
        JsonObject items = new JsonObject();
        items.addProperty("type", "string");
        p.add("items", items);
        p.addProperty("minItems", 1);
        return property(name, p, isRequired);
    }

    public JsonObject build() {
        JsonObject o = new JsonObject();
        o.addProperty("type", "object");
        o.add("properties", properties.deepCopy());
        if (!required.isEmpty()) o.add("required", required.deepCopy());
        o.addProperty("additionalProperties", false);
        return o;
    }

    private Schema property(String name, JsonObject p, boolean isRequired) {
        properties.add(name, p);
        if (isRequired) required.add(name);
        return this;
    }

    private static JsonObject typed(String type, String description) {
        JsonObject p = new JsonObject();
        p.addProperty("type", type);
        p.addProperty("description", description);
        return p;
    }
}
