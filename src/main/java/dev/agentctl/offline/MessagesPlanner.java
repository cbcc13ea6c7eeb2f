package dev.agentctl.offline;

import com.google.gson.JsonObject;
import dev.agentctl.store.Json;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides how the offline model answers one Anthropic Messages request from Claude Code: the same
 * {@link Scenario}s as for codex, with Claude Code's tools (Bash runs the command; the result goes through the
 * tool Claude Code adds for --json-schema).
 */
final class MessagesPlanner {
    static final String NO_RESULT_TEXT = "I looked at the task, and answer in plain text only.";

    private final String nonce = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong counter = new AtomicLong();

    Reply plan(MessagesRequest request) {
        String name = request.marker(Markers.SCENARIO).orElse(Scenario.SUCCEED.markerName());
        Optional<Scenario> scenario = Scenario.byMarkerName(name);
        if (scenario.isEmpty()) {
            return Reply.error(400, AnthropicOutput.errorBody("invalid_request_error",
                    "Unknown mock scenario '" + name + "' in [[mock:...]] marker"));
        }
        switch (scenario.get()) {
            case GOAL_NOT_MET:
                return request.hasEarlierAssistantMessage()
                        ? result(request, ModelOutput.result(true, "Finished the follow-up; the goal is met.", ""))
                        : result(request, ModelOutput.result(false, "Started, but a step is still missing.",
                                ReplyPlanner.FOLLOWUP_PROMPT));
            case FAIL:
                return Reply.error(500, AnthropicOutput.errorBody("api_error",
                        "The offline model failed this request on purpose ([[mock:fail]])."));
            case HANG:
                return Reply.hang();
            case NO_RESULT:
                return Reply.stream(AnthropicOutput.text(messageId(), request.model(), NO_RESULT_TEXT));
            case SLOW:
                Reply reply = runCommandThenFinish(request);
                return request.toolResultsInCurrentTurn().isEmpty() ? reply.after(ReplyPlanner.slowDelay(request::marker)) : reply;
            case SUCCEED:
            default:
                return runCommandThenFinish(request);
        }
    }

    private Reply runCommandThenFinish(MessagesRequest request) {
        String cmd = request.marker(Markers.COMMAND).filter(c -> !c.isEmpty()).orElse(ReplyPlanner.DEFAULT_COMMAND);
        Set<String> done = request.toolResultsInCurrentTurn();
        if (request.resultTool().isPresent() && done.contains(request.resultTool().get())) {
            return Reply.stream(AnthropicOutput.text(messageId(), request.model(), "Done."));
        }
        if (done.contains("Bash")) {
            return result(request, ModelOutput.result(true, "Ran `" + cmd + "` as asked.", ""));
        }
        JsonObject input = new JsonObject();
        input.addProperty("command", cmd);
        input.addProperty("description", "Run the command the task asks for");
        return Reply.stream(AnthropicOutput.toolUse(messageId(), request.model(), toolUseId(), "Bash", input));
    }

    /** The result through the client's result tool; as plain JSON text when it offers none (no --json-schema). */
    private Reply result(MessagesRequest request, String resultJson) {
        Optional<String> tool = request.resultTool();
        if (tool.isEmpty()) return Reply.stream(AnthropicOutput.text(messageId(), request.model(), resultJson));
        JsonObject input = Json.parseObject(resultJson, "result");
        return Reply.stream(AnthropicOutput.toolUse(messageId(), request.model(), toolUseId(), tool.get(), input));
    }

    private String messageId() {
        return "msg_" + nonce + "_" + counter.incrementAndGet();
    }

    private String toolUseId() {
        return "toolu_" + nonce + "_" + counter.incrementAndGet();
    }
}
