package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.StopRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.agent.AgentResult;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;

/** Decides a finished run's outcome and result fields from what codex did. Pure: no I/O. */
final class RunOutcome {
    private RunOutcome() {}

    /**
     * @param agent the agent's name (codex, claude), for error messages
     * @param stop why the supervisor stopped codex, or null when codex ended on its own
     * @param turnFailed the turn.failed message, or null
     * @param stderrTail the end of codex's stderr, for the error when nothing better is known
     */
    static void apply(RunMeta m, String agent, int exitCode, AgentResult result, boolean turnCompleted, String turnFailed,
            StopRequest stop, String stderrTail) {
        m.recordResult(exitCode, result.goalMet(), result.summary(), result.followupPrompt(), result.notes());
        m.recordLastMessage(result.goalMet() != null ? asJson(result) : null, result.raw());
        Outcome outcome;
        String error = null;
        if (stop != null) {
            outcome = stop.outcome();
            error = stop.reason();
        } else if (turnFailed != null) {
            outcome = Outcome.FAILED;
            error = "turn failed: " + turnFailed;
        } else if (exitCode != 0) {
            outcome = Outcome.FAILED;
            error = agent + " exited with code " + exitCode + (stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail);
        } else if (result.goalMet() == null) {
            outcome = Outcome.FAILED;
            error = result.raw() != null ? "the final message is not the expected JSON result"
                    : turnCompleted ? agent + " gave no final message" : agent + " ended without completing its turn";
        } else {
            outcome = result.goalMet() ? Outcome.SUCCEEDED : Outcome.GOAL_NOT_MET;
        }
        m.setOutcome(outcome, error);
    }

    private static JsonElement asJson(AgentResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("goal_met", r.goalMet());
        o.addProperty("summary", r.summary());
        o.addProperty("followup_prompt", r.followupPrompt());
        o.addProperty("notes", r.notes());
        return o;
    }

    /** Result texts a run keeps in meta.json, each cut to the configured size (see {@link #capTexts}). */
    private static final String[] RESULT_TEXTS = {"summary", "followup_prompt", "notes", "last_message_raw"};

    /**
     * Cuts every result text longer than maxChars, saying so in the text itself: a 20 MiB summary
     * must cost the run neither its final write nor its one notification.
     */
    static void capTexts(RunMeta m, int maxChars) {
        capIn(m.json(), maxChars);
        JsonElement last = m.json().get("last_message");
        if (last != null && last.isJsonObject()) capIn(last.getAsJsonObject(), maxChars);
    }

    private static void capIn(JsonObject o, int maxChars) {
        for (String k : RESULT_TEXTS) {
            JsonElement e = o.get(k);
            if (e == null || !e.isJsonPrimitive()) continue;
            String v = e.getAsString();
            if (v.length() <= maxChars) continue;
            String note = "… [cut: " + v.length() + " characters, result_max_chars is " + maxChars + "]";
            int end = Math.max(0, maxChars - note.length());
            if (end > 0 && Character.isHighSurrogate(v.charAt(end - 1))) end--;
            o.addProperty(k, v.substring(0, end) + note);
        }
    }

    /** The last few lines of stderr, one line, for error messages. */
    static String tail(String text, int maxChars) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() > maxChars) t = "…" + t.substring(t.length() - maxChars);
        return t.replaceAll("\\s*\\n\\s*", " | ");
    }

}
