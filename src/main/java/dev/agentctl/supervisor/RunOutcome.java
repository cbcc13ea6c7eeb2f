package dev.agentctl.supervisor;

import dev.agentctl.lifecycle.StopRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.codex.CodexResult;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.Outcome;

/** Decides a finished run's outcome and result fields from what codex did. Pure: no I/O. */
final class RunOutcome {
    private RunOutcome() {}

    /**
     * @param stop why the supervisor stopped codex, or null when codex ended on its own
     * @param turnFailed the turn.failed message, or null
     * @param stderrTail the end of codex's stderr, for the error when nothing better is known
     */
    static void apply(RunMeta m, int exitCode, CodexResult result, boolean turnCompleted, String turnFailed,
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
            error = "codex exited with code " + exitCode + (stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail);
        } else if (result.goalMet() == null) {
            outcome = Outcome.FAILED;
            error = result.raw() != null ? "the final message is not the expected JSON result"
                    : turnCompleted ? "codex gave no final message" : "codex ended without completing its turn";
        } else {
            outcome = result.goalMet() ? Outcome.SUCCEEDED : Outcome.GOAL_NOT_MET;
        }
        m.setOutcome(outcome, error);
    }

    private static JsonElement asJson(CodexResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("goal_met", r.goalMet());
        o.addProperty("summary", r.summary());
        o.addProperty("followup_prompt", r.followupPrompt());
        o.addProperty("notes", r.notes());
        return o;
    }

    /** The last few lines of stderr, one line, for error messages. */
    static String tail(String text, int maxChars) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() > maxChars) t = "…" + t.substring(t.length() - maxChars);
        return t.replaceAll("\\s*\\n\\s*", " | ");
    }

}
