package dev.agentctl.workspace;

/** The strict result schema codex is given; the real API rejects any looser one (codex-exec.md). */
public final class OutputSchema {
    public static final String TEXT = "{\n"
            + "  \"type\": \"object\",\n"
            + "  \"additionalProperties\": false,\n"
            + "  \"required\": [\"goal_met\", \"summary\", \"followup_prompt\", \"notes\"],\n"
            + "  \"properties\": {\n"
            + "    \"goal_met\": {\"type\": \"boolean\"},\n"
            + "    \"summary\": {\"type\": \"string\"},\n"
            + "    \"followup_prompt\": {\"type\": \"string\"},\n"
            + "    \"notes\": {\"type\": \"string\"}\n"
            + "  }\n"
            + "}";

    private OutputSchema() {}
}
