package dev.agentctl.doctor;

/** A check's verdict: a failure makes doctor exit 1; a warning is worth knowing but does not stop runs. */
public enum Status {
    OK("ok", "✓", "ok"),
    FAIL("fail", "✗", "FAIL"),
    WARN("warn", "!", "warn");

    private final String json;
    private final String symbol;
    private final String ascii;

    Status(String json, String symbol, String ascii) {
        this.json = json;
        this.symbol = symbol;
        this.ascii = ascii;
    }

    public String json() {
        return json;
    }

    /** ✓ ✗ !, or a word when the terminal's charset cannot show the symbols. */
    public String symbol(boolean unicode) {
        return unicode ? symbol : ascii;
    }
}
