package dev.agentctl.supervisor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.agentctl.codex.CodexResult;
import dev.agentctl.run.RunMeta;
import dev.agentctl.run.RunStatus;

/** Decides a finished run's outcome and result fields from what codex did. Pure: no I/O. */
final class RunOutcome {
    private RunOutcome() {}

    /**
     * @param agent the agent's name (codex, claude), for error messages
     * @param stop why the supervisor stopped codex, or null when codex ended on its own
     * @param turnFailed the turn.failed message, or null
     * @param stderrTail the end of codex's stderr, for the error when nothing better is known
     */
    static void apply(RunMeta m, String agent, int exitCode, CodexResult result, boolean turnCompleted, String turnFailed,
            StopRequest stop, String stderrTail) {
        m.put("exit_code", exitCode);
        m.put("goal_met", result.goalMet());
        m.put("summary", result.summary());
        m.put("followup_prompt", result.followupPrompt());
        m.put("notes", result.notes());
        if (result.raw() != null) {
            m.put("last_message_raw", result.raw());
            m.put("last_message", (String) null);
        } else if (result.goalMet() != null) {
            m.put("last_message", asJson(result));
        }
        String outcome;
        String error = null;
        if (stop != null) {
            outcome = stop.outcome();
            error = stop.reason();
        } else if (turnFailed != null) {
            outcome = RunStatus.FAILED;
            error = "turn failed: " + turnFailed;
        } else if (exitCode != 0) {
            outcome = RunStatus.FAILED;
            error = agent + " exited with code " + exitCode + (stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail);
        } else if (result.goalMet() == null) {
            outcome = RunStatus.FAILED;
            error = result.raw() != null ? "the final message is not the expected JSON result"
                    : turnCompleted ? agent + " gave no final message" : agent + " ended without completing its turn";
        } else {
            outcome = result.goalMet() ? RunStatus.SUCCEEDED : RunStatus.GOAL_NOT_MET;
        }
        m.put("outcome", outcome);
        m.put("error", error);
        if (RunStatus.KILLED.equals(outcome)) m.put("kill_reason", error);
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
