package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicSseWriterTest {
    private static String write(List<JsonObject> events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnthropicSseWriter w = new AnthropicSseWriter(out);
        for (JsonObject e : events) w.send(e);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachEventIsNamedInItsEventLineAndItsType() throws Exception {
        JsonObject stop = Json.parseObject("{\"type\":\"message_stop\"}", "t");
        assertEquals("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", write(List.of(stop)));
        assertThrows(IllegalArgumentException.class, () -> write(List.of(new JsonObject())));
        assertThrows(IllegalArgumentException.class, () -> write(List.of(Json.parseObject("{\"type\":\"a\\nb\"}", "t"))));
    }

    @Test
    void aTextMessageHasTheWholeEventSequence() throws Exception {
        List<AnthropicSseReader.Frame> frames = AnthropicSseReader.frames(write(AnthropicOutput.text("msg_1", "m", "Hello\nthere")));
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), frames.stream().map(AnthropicSseReader.Frame::event).toList());
        for (AnthropicSseReader.Frame f : frames) assertEquals(f.event(), f.data().get("type").getAsString());
        JsonObject message = frames.get(0).data().getAsJsonObject("message");
        assertEquals("msg_1", message.get("id").getAsString());
        assertEquals("m", message.get("model").getAsString());
        JsonObject usage = message.getAsJsonObject("usage");
        assertEquals(OfflineModelServer.INPUT_TOKENS, usage.get("input_tokens").getAsInt() + usage.get("cache_read_input_tokens").getAsInt());
        assertEquals("end_turn", frames.get(4).data().getAsJsonObject("delta").get("stop_reason").getAsString());
        assertEquals(OfflineModelServer.OUTPUT_TOKENS, frames.get(4).data().getAsJsonObject("usage").get("output_tokens").getAsInt());
        assertEquals(List.of(new AnthropicSseReader.Block("text", "Hello\nthere", null, null)), AnthropicSseReader.blocks(frames));
    }

    @Test
    void toolInputArrivesInPiecesThatJoinToTheInput() throws Exception {
        JsonObject input = Json.parseObject("{\"command\":\"echo \\\"hi\\\" > x\",\"description\":\"d\"}", "t");
        List<AnthropicSseReader.Frame> frames = AnthropicSseReader.frames(write(AnthropicOutput.toolUse("msg_2", "m", "toolu_1", "Bash", input)));
        assertEquals(2, frames.stream().filter(f -> f.event().equals("content_block_delta")).count(), "split in two");
        JsonObject start = frames.get(1).data().getAsJsonObject("content_block");
        assertEquals("toolu_1", start.get("id").getAsString());
        assertEquals(new JsonObject(), start.getAsJsonObject("input"), "the input comes only through deltas");
        assertEquals(List.of(new AnthropicSseReader.Block("tool_use", null, "Bash", input)), AnthropicSseReader.blocks(frames));
        assertEquals("tool_use", frames.get(frames.size() - 2).data().getAsJsonObject("delta").get("stop_reason").getAsString());
    }

    @Test
    void errorsHaveAnthropicsShape() {
        assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}",
                Json.compact(AnthropicOutput.errorBody("api_error", "boom")));
    }
}
