package dev.agentctl.store;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

/** Json writes trees without a Gson instance; the text must stay exactly what Gson printed before. */
class JsonWriteTest {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private static void assertSameAsGson(JsonElement e) {
        assertEquals(PRETTY.toJson(e), Json.pretty(e));
        assertEquals(COMPACT.toJson(e), Json.compact(e));
    }

    @Test
    void metaLikeTreesPrintAsGsonPrintsThem() {
        JsonObject o = new JsonObject();
        o.addProperty("run_id", "20260101-000000-abcdef");
        o.add("outcome", JsonNull.INSTANCE);
        o.addProperty("goal_met", true);
        o.addProperty("exit_code", 0);
        o.addProperty("duration_s", 12.5);
        o.addProperty("big", 1234567890123456789L);
        o.addProperty("summary", "tabs\tnewlines\n quotes \" backslash \\ <html> & 'x' = é ✅ \u0001 \u2028");
        JsonArray argv = new JsonArray();
        argv.add("codex");
        argv.add("model_reasoning_effort=\"low\"");
        argv.add(JsonNull.INSTANCE);
        argv.add(new JsonArray());
        o.add("codex_argv", argv);
        JsonObject usage = new JsonObject();
        usage.addProperty("input_tokens", 20);
        o.add("usage", usage);
        o.add("empty", new JsonObject());
        assertSameAsGson(o);
        assertSameAsGson(argv);
        assertSameAsGson(JsonNull.INSTANCE);
        assertSameAsGson(new JsonPrimitive("plain"));
        assertSameAsGson(new JsonPrimitive(Double.NaN));
    }

    @Test
    void parsedNumbersKeepTheirText() {
        JsonElement e = JsonParser.parseString("{\"a\": 1.0, \"b\": 1e10, \"c\": -0, \"d\": 123456789012345678901234567890, \"e\": [1, 2.50]}");
        assertSameAsGson(e);
        assertTrue(Json.compact(e).contains("1.0") && Json.compact(e).contains("2.50"), Json.compact(e));
    }
}
