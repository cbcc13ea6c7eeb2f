package dev.agentctl.claude;

/** stream-json lines as Claude Code 2.1.332 printed them against a mock server (long fields trimmed). */
final class ClaudeLines {
    static final String SESSION = "46b8a520-bcb5-4d35-a82c-bde6a9607f96";

    static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"cwd\":\"/tmp/cl/proj\",\"session_id\":\"" + SESSION
            + "\",\"tools\":[\"Task\",\"Bash\",\"CronCreate\"],\"model\":\"claude-opus-5-5\",\"permissionMode\":\"bypassPermissions\"}";
    static final String BASH_CALL = "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_0\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-opus-5-5\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_0\",\"name\":\"Bash\",\"input\":"
            + "{\"command\":\"echo hello > hello.txt\",\"description\":\"write\"}}],\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":100,\"cache_read_input_tokens\":40,\"cache_creation_input_tokens\":0,\"output_tokens\":1}},"
            + "\"parent_tool_use_id\":null,\"session_id\":\"" + SESSION + "\"}";
    static final String BASH_RESULT = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_0\","
            + "\"type\":\"tool_result\",\"content\":\"(Bash completed with no output)\",\"is_error\":false}]},"
            + "\"parent_tool_use_id\":null,\"session_id\":\"" + SESSION + "\"}";
    static final String DENIED = "{\"type\":\"system\",\"subtype\":\"permission_denied\",\"tool_name\":\"Bash\",\"tool_use_id\":\"toolu_2\","
            + "\"message\":\"Output redirection to '/tmp/cl/proj/hello.txt' needs approval.\",\"session_id\":\"" + SESSION + "\"}";
    static final String DENIED_RESULT = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
            + "\"content\":\"Output redirection to '/tmp/cl/proj/hello.txt' needs approval.\",\"is_error\":true,\"tool_use_id\":\"toolu_2\"}]},"
            + "\"session_id\":\"" + SESSION + "\"}";
    static final String RESULT_CALL = "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":"
            + "[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"StructuredOutput\",\"input\":{\"goal_met\":true,\"summary\":\"did it\","
            + "\"followup_prompt\":\"\",\"notes\":\"\"}}]},\"session_id\":\"" + SESSION + "\"}";
    static final String SUCCESS = "{\"duration_api_ms\":263,\"stop_reason\":\"tool_use\",\"session_id\":\"" + SESSION + "\","
            + "\"total_cost_usd\":0.001616,\"usage\":{\"input_tokens\":200,\"cache_creation_input_tokens\":0,"
            + "\"cache_read_input_tokens\":80,\"output_tokens\":40,\"output_tokens_details\":{\"thinking_tokens\":0},"
            + "\"service_tier\":\"standard\",\"iterations\":[]},\"permission_denials\":[],\"terminal_reason\":\"completed\","
            + "\"is_error\":false,\"num_turns\":3,\"subtype\":\"success\",\"api_error_status\":null,"
            + "\"result\":\"{\\\"goal_met\\\":true,\\\"summary\\\":\\\"did it\\\",\\\"followup_prompt\\\":\\\"\\\",\\\"notes\\\":\\\"\\\"}\","
            + "\"structured_output\":{\"goal_met\":true,\"summary\":\"did it\",\"followup_prompt\":\"\",\"notes\":\"\"},"
            + "\"type\":\"result\",\"duration_ms\":682}";
    /** The model never called StructuredOutput: still success, exit 0. */
    static final String NO_STRUCTURED = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":2,"
            + "\"result\":\"All done.\",\"structured_output\":null,\"session_id\":\"" + SESSION + "\",\"total_cost_usd\":0.0008,"
            + "\"usage\":{\"input_tokens\":60,\"cache_read_input_tokens\":40,\"output_tokens\":20}}";
    /** HTTP 500 with CLAUDE_CODE_MAX_RETRIES=0 (exit 1). */
    static final String API_ERROR = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"num_turns\":1,"
            + "\"api_error_status\":500,\"api_error_type\":\"api_error\",\"terminal_reason\":\"api_error\","
            + "\"result\":\"API Error: 500 boom. This is a server-side issue, usually temporary.\",\"session_id\":\"" + SESSION
            + "\",\"total_cost_usd\":0,\"usage\":{\"input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":0}}";
    static final String MAX_TURNS = "{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,\"num_turns\":2,"
            + "\"session_id\":\"" + SESSION + "\",\"total_cost_usd\":0.01}";

    /** --resume with an unknown id (exit 1; stderr says the same). */
    static final String UNKNOWN_SESSION = "{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"duration_ms\":0,"
            + "\"is_error\":true,\"num_turns\":0,\"stop_reason\":null,\"session_id\":\"00000000-0000-0000-0000-000000000000\","
            + "\"total_cost_usd\":0,\"errors\":[\"No conversation found with session ID: 00000000-0000-0000-0000-000000000000\"]}";

    private ClaudeLines() {}
}
