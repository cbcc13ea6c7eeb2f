package dev.agentctl.testing;

import com.google.gson.JsonObject;
import dev.agentctl.run.RunMeta;
import dev.agentctl.store.Json;

/**
 * Sets meta.json keys by name, for tests that need a state no transition makes (a corrupt value, a run
 * frozen half-way). Production code changes meta only through RunMeta's transitions.
 */
public final class RawMeta {
    private final RunMeta meta;

    private RawMeta(RunMeta meta) {
        this.meta = meta;
    }

    public static RawMeta create() {
        return new RawMeta(new RunMeta(new JsonObject()));
    }

    public static RawMeta of(RunMeta meta) {
        return new RawMeta(meta);
    }

    public RawMeta put(String key, String value) { meta.json().add(key, Json.of(value)); return this; }
    public RawMeta put(String key, Number value) { meta.json().add(key, Json.of(value)); return this; }
    public RawMeta put(String key, Boolean value) { meta.json().add(key, Json.of(value)); return this; }
    public RawMeta put(String key, com.google.gson.JsonElement value) { meta.json().add(key, value); return this; }

    public RunMeta meta() {
        return meta;
    }
}
