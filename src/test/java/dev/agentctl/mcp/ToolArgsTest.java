package dev.agentctl.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolArgsTest {
    private static ToolArgs args(String json) {
        return new ToolArgs(JsonParser.parseString(json).getAsJsonObject());
    }

    private static void fails(String expected, Runnable r) {
        assertEquals(expected, assertThrows(BadArgument.class, r::run).getMessage());
    }

    @Test
    void readsTypedValuesAndTreatsNullAsAbsent() {
        ToolArgs a = args("{\"s\":\"x\",\"n\":3,\"b\":true,\"l\":[\"a\",\"b\"],\"z\":null,\"d\":1.5}");
        assertEquals("x", a.string("s"));
        assertEquals(3L, a.integer("n", 0));
        assertEquals(true, a.bool("b", false));
        assertEquals(List.of("a", "b"), a.requiredStrings("l"));
        assertNull(a.string("z"));
        assertNull(a.integer("missing", 0));
        assertEquals(1.5, a.seconds("d"));
    }

    @Test
    void eachProblemIsOneSentenceNamingTheArgument() {
        fails("argument 'p' is required.", () -> args("{}").requiredString("p"));
        fails("argument 'p' must not be empty.", () -> args("{\"p\":\" \"}").requiredString("p"));
        fails("argument 'n' must be a whole number, not 1.5.", () -> args("{\"n\":1.5}").integer("n", 0));
        fails("argument 'n' must be at least 1, not 0.", () -> args("{\"n\":0}").integer("n", 1));
        fails("argument 'b' must be true or false, not \"yes\".", () -> args("{\"b\":\"yes\"}").bool("b", false));
        fails("argument 'l' must name at least one item.", () -> args("{\"l\":[]}").requiredStrings("l"));
        fails("argument 'l' must hold only non-empty strings, not 3.", () -> args("{\"l\":[\"a\",3]}").requiredStrings("l"));
        fails("argument 't' must be 0 or more seconds, not -1.", () -> args("{\"t\":-1}").seconds("t"));
    }
}
