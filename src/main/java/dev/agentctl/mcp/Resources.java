package dev.agentctl.mcp;

import dev.agentctl.base.AgentctlException;

import com.google.gson.JsonObject;
import java.util.List;

/** The server's resources: fixed ones, templates, and reading one by URI. */
public interface Resources {
    /** resources/list entries ({uri, name, description, mimeType}). */
    List<JsonObject> list();

    /** resources/templates/list entries ({uriTemplate, name, description, mimeType}). */
    List<JsonObject> templates();

    /**
     * The contents of uri ({uri, mimeType, text}), or null when no resource has that URI.
     * An AgentctlException (e.g. an unknown run) is answered as an invalid-params error.
     */
    JsonObject read(String uri);

    static JsonObject entry(String key, String uri, String name, String description, String mimeType) {
        JsonObject o = new JsonObject();
        o.addProperty(key, uri);
        o.addProperty("name", name);
        o.addProperty("description", description);
        o.addProperty("mimeType", mimeType);
        return o;
    }

    static JsonObject text(String uri, String mimeType, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri);
        o.addProperty("mimeType", mimeType);
        o.addProperty("text", text);
        return o;
    }
}
