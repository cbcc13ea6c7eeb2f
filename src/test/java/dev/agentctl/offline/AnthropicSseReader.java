package dev.agentctl.offline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Anthropic event stream back, as a client does: frames of {@code event:} and {@code data:} lines, and
 * the message they build (text and tool input joined from their deltas). For checking what the server writes.
 */
final class AnthropicSseReader {
    /** One frame: its event name and its data. */
    record Frame(String event, JsonObject data) {}

    /** One content block of the assembled message: text, or a tool call with its whole input. */
    record Block(String type, String text, String toolName, JsonObject input) {}

    private AnthropicSseReader() {}

    static List<Frame> frames(String stream) {
        List<Frame> frames = new ArrayList<>();
        for (String chunk : stream.split("\n\n")) {
            if (chunk.isBlank()) continue;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : chunk.split("\n")) {
                if (line.startsWith("event: ")) event = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
                else throw new IllegalArgumentException("not an SSE line: " + line);
            }
            frames.add(new Frame(event, JsonParser.parseString(data.toString()).getAsJsonObject()));
        }
        return frames;
    }

    /** The content blocks of the (single) message in frames, in index order. */
    static List<Block> blocks(List<Frame> frames) {
        List<Block> blocks = new ArrayList<>();
        List<StringBuilder> parts = new ArrayList<>();
        for (Frame f : frames) {
            JsonObject d = f.data();
            switch (f.event()) {
                case "content_block_start" -> {
                    JsonObject b = d.getAsJsonObject("content_block");
                    String type = b.get("type").getAsString();
                    blocks.add(new Block(type, null, "tool_use".equals(type) ? b.get("name").getAsString() : null, null));
                    parts.add(new StringBuilder());
                }
                case "content_block_delta" -> {
                    JsonObject delta = d.getAsJsonObject("delta");
                    String piece = delta.has("text") ? delta.get("text").getAsString() : delta.get("partial_json").getAsString();
                    parts.get(d.get("index").getAsInt()).append(piece);
                }
                default -> { }
            }
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String whole = parts.get(i).toString();
            out.add("tool_use".equals(b.type())
                    ? new Block(b.type(), null, b.toolName(), JsonParser.parseString(whole).getAsJsonObject())
                    : new Block(b.type(), whole, null, null));
        }
        return out;
    }
}
