package dev.agentctl.agent;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's result fields from the agent's final message (a JSON string per the workspace's result schema).
 *
 * @param raw the message text, non-null only when it could not be read as such an object
 */
public record AgentResult(Boolean goalMet, String summary, String followupPrompt, String notes, String raw) {
    /** A whole message that is one fenced block: ```json ... ``` (models add fences despite the schema). */
    private static final Pattern FENCED = Pattern.compile("\\A```[A-Za-z0-9_-]*[ \\t]*\\R(.*?)\\R?```\\z", Pattern.DOTALL);

    /** null/blank gives all nulls; an object with boolean goal_met and string fields gives them; else raw = text. */
    public static AgentResult parse(String finalMessage) {
        if (finalMessage == null || finalMessage.isBlank()) {
            return new AgentResult(null, null, null, null, null);
        }
        String text = finalMessage.strip();
        Matcher fenced = FENCED.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1).strip();
        }
        AgentResult r = fromJson(text);
        return r != null ? r : new AgentResult(null, null, null, null, finalMessage);
    }

    private static AgentResult fromJson(String text) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) return null;
            o = e.getAsJsonObject();
        } catch (RuntimeException | StackOverflowError ex) {
            return null;
        }
        JsonElement goal = o.get("goal_met");
        if (goal == null || !goal.isJsonPrimitive() || !goal.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String[] fields = {"summary", "followup_prompt", "notes"};
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            JsonElement v = o.get(fields[i]);
            if (v == null || v.isJsonNull()) continue;
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) return null;
            values[i] = v.getAsString();
        }
        return new AgentResult(goal.getAsBoolean(), values[0], values[1], values[2], null);
    }
}
