package dev.agentctl.offline;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Decides, from a request alone, how the offline model answers it. Pure apart from id generation. */
final class ReplyPlanner {
    static final String DEFAULT_COMMAND = "echo hello > hello.txt";
    /** How much of an MCP tool's answer the final summary quotes. */
    static final int MAX_TOOL_ANSWER = 2000;
    /** How often the MCP scenario tries a call codex refuses because the server's tools are not listed yet. */
    static final int MAX_MCP_ATTEMPTS = 100;
    /** codex's answer to a call of a tool it does not (yet) have. */
    static final String UNSUPPORTED_CALL = "unsupported call";
    static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(10);
    static final String FOLLOWUP_PROMPT =
            "Finish the remaining step: check the result of the previous command and confirm the goal is met.";

    /** Ids must not collide with those of earlier runs in a resumed thread, even across server instances. */
    private final String nonce = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, String> finalMessages = new LinkedHashMap<>();

    /** Overrides the final agent message for prompts containing marker; the latest override set wins. */
    synchronized void setFinalMessage(String marker, String text) {
        finalMessages.remove(marker);
        finalMessages.put(marker, text);
    }

    Reply plan(ResponsesRequest request) {
        Optional<JsonElement> schema = request.outputSchema();
        if (schema.isPresent()) {
            Optional<String> violation = SchemaCheck.violation(schema.get());
            if (violation.isPresent()) {
                return Reply.error(400, ModelOutput.errorBody("invalid_request_error", "invalid_json_schema",
                        "Invalid schema for response_format 'codex_output_schema': " + violation.get(),
                        "text.format.schema"));
            }
        }
        String name = request.marker(Markers.SCENARIO).orElse(Scenario.SUCCEED.markerName());
        Optional<Scenario> scenario = Scenario.byMarkerName(name);
        if (scenario.isEmpty()) {
            return Reply.error(400, ModelOutput.errorBody("invalid_request_error", "unknown_mock_scenario",
                    "Unknown mock scenario '" + name + "' in [[mock:...]] marker", null));
        }
        switch (scenario.get()) {
            case GOAL_NOT_MET:
                if (!request.hasEarlierAssistantMessage()) {
                    return message(request, ModelOutput.result(false, "Started, but a step is still missing.", FOLLOWUP_PROMPT));
                }
                // Resumed: a [[mock-cmd:...]] in the thread is the missing step, done now, so the success is true.
                return request.marker(Markers.COMMAND).filter(c -> !c.isEmpty()).isPresent()
                        ? runCommandThenFinish(request)
                        : message(request, ModelOutput.result(true, "Finished the follow-up; the goal is met.", ""));
            case FAIL:
                return Reply.error(500, ModelOutput.errorBody("server_error", "server_error",
                        "The offline model failed this request on purpose ([[mock:fail]]).", null));
            case HANG:
                return Reply.hang();
            case NO_RESULT:
                return message(request, MessagesPlanner.NO_RESULT_TEXT);
            case SLOW:
                Reply reply = runCommandThenFinish(request);
                return request.hasToolOutputInCurrentTurn() ? reply : reply.after(slowDelay(request::marker));
            case MCP_TOOL:
                return callMcpTool(request);
            case SUCCEED:
            default:
                return runCommandThenFinish(request);
        }
    }

    private Reply runCommandThenFinish(ResponsesRequest request) {
        String cmd = request.marker(Markers.COMMAND).filter(c -> !c.isEmpty()).orElse(DEFAULT_COMMAND);
        if (request.hasToolOutputInCurrentTurn()) {
            return message(request, ModelOutput.result(true, "Ran `" + cmd + "` as asked.", ""));
        }
        long n = counter.incrementAndGet();
        return Reply.stream(ModelOutput.streamOf(responseId(n),
                ModelOutput.execCommandCall("fc_" + nonce + "_" + n, "call_" + nonce + "_" + n, cmd)));
    }

    /**
     * Calls the MCP tool and quotes its answer. codex lists a server's tools while the turn is already
     * under way, and refuses a call before that as "unsupported call": such a call is repeated.
     */
    private Reply callMcpTool(ResponsesRequest request) {
        String target = request.marker(Markers.MCP_TOOL).orElse("");
        int slash = target.indexOf('/');
        if (slash <= 0 || slash == target.length() - 1) {
            return Reply.error(400, ModelOutput.errorBody("invalid_request_error", "bad_mock_marker",
                    "[[mock:mcp_tool]] needs [[mock-mcp-tool:SERVER/TOOL]], not '" + target + "'", null));
        }
        String server = target.substring(0, slash);
        Optional<String> output = request.toolOutputInCurrentTurn();
        boolean refused = output.isPresent() && output.get().startsWith(UNSUPPORTED_CALL);
        if (output.isPresent() && !refused) {
            String answer = output.get().length() > MAX_TOOL_ANSWER ? output.get().substring(0, MAX_TOOL_ANSWER) : output.get();
            return message(request, ModelOutput.result(true, "Called " + target + "; it answered: " + answer, ""));
        }
        if (refused && request.toolOutputsInCurrentTurn() >= MAX_MCP_ATTEMPTS) {
            return message(request, ModelOutput.result(false, "codex never offered the tools of MCP server " + server + ".", ""));
        }
        long n = counter.incrementAndGet();
        String args = request.marker(Markers.MCP_ARGS).orElse("{}");
        return Reply.stream(ModelOutput.streamOf(responseId(n), ModelOutput.mcpToolCall("fc_" + nonce + "_" + n,
                "call_" + nonce + "_" + n, server, target.substring(slash + 1), args)));
    }

    private Reply message(ResponsesRequest request, String defaultText) {
        long n = counter.incrementAndGet();
        String text = finalMessageOverride(request).orElse(defaultText);
        return Reply.stream(ModelOutput.streamOf(responseId(n), ModelOutput.assistantMessage("msg_" + nonce + "_" + n, text)));
    }

    private synchronized Optional<String> finalMessageOverride(ResponsesRequest request) {
        Optional<String> found = Optional.empty();
        for (Map.Entry<String, String> e : finalMessages.entrySet()) {
            if (request.userTexts().stream().anyMatch(t -> t.contains(e.getKey()))) found = Optional.of(e.getValue());
        }
        return found;
    }

    /** The [[mock-delay:SECONDS]] of the request (markers: name to value), else the default. */
    static Duration slowDelay(java.util.function.Function<String, Optional<String>> markers) {
        Optional<String> value = markers.apply(Markers.DELAY);
        if (value.isEmpty()) return DEFAULT_SLOW_DELAY;
        try {
            double seconds = Double.parseDouble(value.get());
            return seconds <= 0 ? Duration.ZERO : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            return DEFAULT_SLOW_DELAY;
        }
    }

    private String responseId(long n) {
        return "resp_" + nonce + "_" + n;
    }
}
