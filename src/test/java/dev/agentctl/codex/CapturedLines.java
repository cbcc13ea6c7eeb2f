package dev.agentctl.codex;

/** Event lines as codex 0.169.0 printed them (codex-exec.md), plus variants built from the same shapes. */
final class CapturedLines {
    static final String THREAD_STARTED = "{\"type\":\"thread.started\",\"thread_id\":\"01a20031-c6aa-7283-9df0-eddb03adf32f\"}";
    static final String TURN_STARTED = "{\"type\":\"turn.started\"}";
    static final String COMMAND_STARTED = "{\"type\":\"item.started\",\"item\":{\"id\":\"item_1\",\"type\":\"command_execution\","
            + "\"command\":\"/bin/bash -lc 'echo hello > hello.txt'\",\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"in_progress\"}}";
    static final String COMMAND_COMPLETED = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"command_execution\","
            + "\"command\":\"/bin/bash -lc 'echo hello > hello.txt'\",\"aggregated_output\":\"\",\"exit_code\":0,\"status\":\"completed\"}}";
    static final String AGENT_MESSAGE = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_2\",\"type\":\"agent_message\","
            + "\"text\":\"{\\\"goal_met\\\": true, \\\"summary\\\": \\\"wrote hello.txt\\\", \\\"followup_prompt\\\": \\\"\\\", \\\"notes\\\": \\\"\\\"}\"}}";
    static final String TURN_COMPLETED = "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":20,\"cached_input_tokens\":0,"
            + "\"cache_write_input_tokens\":0,\"output_tokens\":10,\"reasoning_output_tokens\":0}}";
    static final String ERROR_ITEM = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"error\","
            + "\"message\":\"Model metadata for `mock-model` not found. Defaulting to fallback metadata.\"}}";
    static final String REASONING = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"reasoning\","
            + "\"text\":\"**Planning** the change\\n\\nI will write the file first.\"}}";
    static final String FILE_CHANGE = "{\"type\":\"item.started\",\"item\":{\"id\":\"item_0\",\"type\":\"file_change\","
            + "\"changes\":[{\"path\":\"/abs/hello.txt\",\"kind\":\"add\"}],\"status\":\"in_progress\"}}";
    static final String ERROR_EVENT = "{\"type\":\"error\",\"message\":\"Reconnecting... waiting for network (Connection failed: error sending request)\"}";
    static final String TURN_FAILED_NESTED = "{\"type\":\"turn.failed\",\"error\":{\"message\":\"{\\\"error\\\": {\\\"message\\\": "
            + "\\\"Invalid schema for response_format 'codex_output_schema': In context=(), 'additionalProperties' is required to be supplied and to be false.\\\", "
            + "\\\"type\\\": \\\"invalid_request_error\\\", \\\"param\\\": \\\"text.format.schema\\\", \\\"code\\\": \\\"invalid_json_schema\\\"}}\"}}";
    static final String NESTED_INNER_MESSAGE = "Invalid schema for response_format 'codex_output_schema': In context=(), "
            + "'additionalProperties' is required to be supplied and to be false.";
    /** codex prints the key "id" twice in web_search items. */
    static final String WEB_SEARCH_DUPLICATE_ID = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_3\",\"type\":\"web_search\","
            + "\"id\":\"ws_123\",\"query\":\"gson duplicate keys\"}}";

    static final String[] HAPPY_RUN = {THREAD_STARTED, TURN_STARTED, COMMAND_STARTED, COMMAND_COMPLETED, AGENT_MESSAGE, TURN_COMPLETED};

    private CapturedLines() {}
}
