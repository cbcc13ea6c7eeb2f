package dev.agentctl.mcp;

/** What a running tool call may ask of the server: whether it was cancelled, and to report progress. */
public interface CallContext {
    boolean cancelled();

    /** Sends notifications/progress when the client gave a progress token; otherwise does nothing. */
    void progress(double progress, Double total, String message);

    CallContext NONE = new CallContext() {
        @Override public boolean cancelled() { return false; }
        @Override public void progress(double progress, Double total, String message) {}
    };
}
